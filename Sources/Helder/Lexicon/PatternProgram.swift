/// The slots of all compiled patterns as one flat array of integers, so that trying a pattern at a token
/// compares numbers: no strings and no reference counting on the hot path (a common first word such as
/// `in` starts dozens of patterns, and each is tried at every `in`).
///
/// Layout from `start[pattern]`: the number of slots, then per slot an opcode and its operands:
/// - `word`/`inflectingWord`, n, then n alternatives: a word id (≥ 0), or `-(i + 1)` for `exactForms[i]`,
///   a form that must match as written (acronyms);
/// - `prefix`, i: the key starts with `prefixes[i]`;
/// - `gap`, n: up to n tokens may come in between.
struct PatternProgram: Sendable {
    enum Opcode: Int32 {
        case word = 0, inflectingWord = 1, prefix = 2, gap = 3
    }

    private(set) var code: [Int32] = []
    private(set) var start: [Int32] = []
    private(set) var exactForms: [[UInt8]] = []
    private(set) var prefixes: [[UInt8]] = []
    /// Every folded word that occurs in a word slot, numbered (hashed like document keys, so a
    /// document's key is looked up with the hash it already has).
    private(set) var wordIDs = KeyMap<Int32>()
    /// The UTF-8 bytes of each numbered word.
    private(set) var wordBytes: [[UInt8]] = []
    /// Per pattern of the shape `word … word …`: what `ProgramMatcher` checks before trying it (is the
    /// word after the gap among the next few tokens?), read from the code once instead of at every try.
    private(set) var gapChecks: [GapCheck?] = []

    struct GapCheck {
        /// Tokens the gap may hold.
        let size: Int
        /// Where the alternatives of the word after the gap are in `code`.
        let alternatives: Range<Int>
        let inflect: Bool
        /// The id bits of those alternatives (`DocumentWords.bit`).
        let bits: UInt64
    }

    init(_ patterns: [CompiledPattern]) {
        wordIDs = KeyMap(minimumCapacity: patterns.count * 2)
        code.reserveCapacity(patterns.count * 8)
        start.reserveCapacity(patterns.count)
        for pattern in patterns { add(pattern) }
        gapChecks = start.map { gapCheck(at: Int($0)) }
    }

    /// The gap check of the pattern whose code starts at `pc`; nil for any other shape, or when an
    /// alternative after the gap must match as written.
    private func gapCheck(at pc: Int) -> GapCheck? {
        let word = Opcode.word.rawValue, inflectingWord = Opcode.inflectingWord.rawValue
        // At least three slots (word, gap, word): a shorter pattern's code ends before the reads below.
        guard code[pc] >= 3 else { return nil }
        var pc = pc + 1
        guard code[pc] == word || code[pc] == inflectingWord else { return nil }
        pc += 2 + Int(code[pc + 1])
        guard code[pc] == Opcode.gap.rawValue else { return nil }
        let size = Int(code[pc + 1])
        pc += 2
        guard code[pc] == word || code[pc] == inflectingWord else { return nil }
        let alternatives = (pc + 2)..<(pc + 2 + Int(code[pc + 1]))
        guard !code[alternatives].contains(where: { $0 < 0 }) else { return nil }
        return GapCheck(size: size, alternatives: alternatives, inflect: code[pc] == inflectingWord,
                        bits: code[alternatives].reduce(0) { $0 | DocumentWords.bit($1) })
    }

    private mutating func add(_ pattern: CompiledPattern) {
        start.append(Int32(code.count))
        code.append(Int32(pattern.slots.count))
        for slot in pattern.slots {
            switch slot {
            case .gap(let size):
                code.append(Opcode.gap.rawValue)
                code.append(Int32(size))
            case .prefix(let stem):
                code.append(Opcode.prefix.rawValue)
                code.append(Int32(prefixes.count))
                prefixes.append(Array(stem.utf8))
            case .word(let keys, let exactCase, let inflect):
                code.append(inflect ? Opcode.inflectingWord.rawValue : Opcode.word.rawValue)
                code.append(Int32(keys.count))
                for (key, exact) in zip(keys, exactCase) {
                    if let exact {
                        code.append(-Int32(exactForms.count) - 1)
                        exactForms.append(Array(exact.utf8))
                    } else {
                        code.append(id(for: key))
                    }
                }
            }
        }
    }

    private mutating func id(for key: String) -> Int32 {
        let hash = KeyMap<Int32>.hash(key)
        if let id = wordIDs[key, hash: hash] { return id }
        let id = Int32(wordIDs.count)
        wordIDs.set(id, for: key, hash: hash)
        wordBytes.append(Array(key.utf8))
        return id
    }

    /// The id of the word with these bytes, or -1.
    func wordID(bytes: ArraySlice<UInt8>) -> Int32 {
        bytes.withUnsafeBufferPointer { bytes in
            wordIDs.value(bytes: bytes, hash: HashSlots.hash(bytes)) ?? -1
        }
    }

    /// The word ids a key stands for: its own (or -1) and those of the stems it may inflect. `hash` is
    /// the key's `KeyMap.hash` when the caller has it.
    func words(of key: String, hash: UInt32? = nil) -> (own: Int32, stems: [Int32]) {
        // Stems looked up by their bytes (each is the start of the key): asked for every distinct word
        // a pattern reaches, a String per stem cost more than the lookups.
        var contiguous = key
        return contiguous.withUTF8 { bytes in
            let own = wordIDs.value(bytes: bytes, hash: hash ?? HashSlots.hash(bytes)) ?? -1
            let stems = CompiledPattern.stemLengths(of: bytes).compactMap { length in
                let stem = UnsafeBufferPointer(rebasing: bytes[..<length])
                return wordIDs.value(bytes: stem, hash: HashSlots.hash(stem))
            }
            return (own, stems)
        }
    }
}

/// A document's keys in the lexicon's terms, worked out once per distinct key when a pattern first
/// needs it. Asked by key index: the key itself is read only the first time.
struct DocumentWords {
    private var own: [Int32]
    private var stems: [[Int32]]
    /// Per key, bit `id % 64` set for its own id and each stem id: two words that share no bit cannot
    /// be the same, which answers most next-word questions with one AND (see `KeyPlan.secondWordBits`).
    private var bits: [UInt64]
    private let keys: [String]
    private let keyHashes: [UInt32]
    private let cache: MatchCache
    private static let unknown: Int32 = -2

    init(keys: [String], keyHashes: [UInt32], cache: MatchCache) {
        own = [Int32](filling: Self.unknown, count: keyHashes.count)
        stems = [[Int32]](filling: [], count: keyHashes.count)
        bits = [UInt64](filling: 0, count: keyHashes.count)
        self.keys = keys
        self.keyHashes = keyHashes
        self.cache = cache
    }

    /// Have the key's word ids been worked out (`lookUp`)? Asked first, so that the program is passed
    /// (and, next to the matcher's own reads of it, copied) only for a key seen the first time.
    func isKnown(_ index: Int) -> Bool { own[index] != Self.unknown }

    /// The word ids of the known key with this index: its own (or -1) and those of its possible stems.
    func ids(_ index: Int) -> (own: Int32, stems: [Int32]) { (own[index], stems[index]) }

    mutating func lookUp(_ index: Int, in program: PatternProgram) {
        let key = keys[index]
        if let known = cache.words[key, hash: keyHashes[index]] {
            (own[index], stems[index]) = known
        } else {
            (own[index], stems[index]) = program.words(of: key, hash: keyHashes[index])
            cache.store((own[index], stems[index]), for: key, hash: keyHashes[index])
        }
        bits[index] = Self.bits(own[index], stems[index])
    }

    /// The bits of a known key (see `bits`).
    func bits(_ index: Int) -> UInt64 { bits[index] }

    /// Bit `id % 64` of each id that is not -1.
    static func bits(_ own: Int32, _ stems: [Int32]) -> UInt64 {
        var bits: UInt64 = own >= 0 ? bit(own) : 0
        for stem in stems where stem >= 0 { bits |= bit(stem) }
        return bits
    }

    /// The bit of one word id, shared with `KeyPlan.secondWordBits` so that both sides agree.
    static func bit(_ id: Int32) -> UInt64 { 1 &<< UInt64(id & 63) }

    /// Does the known key with this index match word `id`, as written or (when `inflect`) inflected?
    /// Read in place: asked for every slot tried.
    func key(_ index: Int, matches id: Int32, inflect: Bool) -> Bool {
        own[index] == id || (inflect && stems[index].contains(id))
    }
}
