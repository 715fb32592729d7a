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
    /// Every folded word that occurs in a word slot, numbered.
    private(set) var wordIDs: [String: Int32] = [:]

    init(_ patterns: [CompiledPattern]) {
        for pattern in patterns { add(pattern) }
    }

    private mutating func add(_ pattern: CompiledPattern) {
        start.append(Int32(code.count))
        code.append(Int32(pattern.slots.count))
        for slot in pattern.slots {
            switch slot {
            case .gap(let size):
                code += [Opcode.gap.rawValue, Int32(size)]
            case .prefix(let stem):
                code += [Opcode.prefix.rawValue, Int32(prefixes.count)]
                prefixes.append(Array(stem.utf8))
            case .word(let keys, let exactCase, let inflect):
                code += [inflect ? Opcode.inflectingWord.rawValue : Opcode.word.rawValue, Int32(keys.count)]
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
        if let id = wordIDs[key] { return id }
        let id = Int32(wordIDs.count)
        wordIDs[key] = id
        return id
    }

    /// The word ids a key stands for: its own (or -1) and those of the stems it may inflect.
    func words(of key: String) -> (own: Int32, stems: [Int32]) {
        (wordIDs[key] ?? -1, CompiledPattern.stems(of: key).compactMap { wordIDs[$0] })
    }
}

/// A document's keys in the lexicon's terms, worked out once per distinct key when a pattern first
/// needs it.
struct DocumentWords {
    private var own: [Int32]
    private var stems: [[Int32]]
    private let cache: MatchCache
    private static let unknown: Int32 = -2

    init(keyCount: Int, cache: MatchCache) {
        own = [Int32](repeating: Self.unknown, count: keyCount)
        stems = [[Int32]](repeating: [], count: keyCount)
        self.cache = cache
    }

    /// The word ids of the key with this index: its own (or -1) and those of its possible stems.
    mutating func ids(_ index: Int, _ key: String, in program: PatternProgram) -> (own: Int32, stems: [Int32]) {
        if own[index] == Self.unknown {
            if let known = cache.words[key] {
                (own[index], stems[index]) = known
            } else {
                (own[index], stems[index]) = program.words(of: key)
                cache.store((own[index], stems[index]), for: key)
            }
        }
        return (own[index], stems[index])
    }

    /// Does the key with this index match word `id`, as written or (when `inflect`) inflected?
    mutating func key(_ index: Int, _ key: String, matches id: Int32, inflect: Bool, in program: PatternProgram) -> Bool {
        let (own, stems) = ids(index, key, in: program)
        return own == id || (inflect && stems.contains(id))
    }
}

/// Runs the pattern program over one document's tokens.
struct ProgramMatcher {
    let code: UnsafeBufferPointer<Int32>
    let program: PatternProgram
    let tokens: [Token]
    let text: [UInt8]
    let keys: [String]
    let keyIndex: [Int32]
    var words: DocumentWords

    init(code: UnsafeBufferPointer<Int32>, program: PatternProgram, document: AnalyzedDocument, words: DocumentWords) {
        self.code = code
        self.program = program
        self.tokens = document.tokens
        self.text = document.source.text
        self.keys = document.keys
        self.keyIndex = document.keyIndex
        self.words = words
    }

    /// Matches a pattern from token `start`; returns the end token index (exclusive). When the first
    /// slot is known to match the token at `start` (checked once per distinct key), matching goes on
    /// from the second slot.
    mutating func match(_ pattern: Int, at start: Int, sentenceEnd: Int, firstSlotMatched: Bool = false) -> Int? {
        let pc = Int(program.start[pattern])
        let slots = Int(code[pc])
        guard firstSlotMatched else { return run(pc + 1, slots: slots, from: start, sentenceEnd: sentenceEnd) }
        let first = pc + 1
        let second = code[first] == PatternProgram.Opcode.word.rawValue || code[first] == PatternProgram.Opcode.inflectingWord.rawValue
            ? first + 2 + Int(code[first + 1]) : first + 2
        return run(second, slots: slots - 1, from: start + 1, sentenceEnd: sentenceEnd)
    }

    private mutating func run(_ pc: Int, slots: Int, from start: Int, sentenceEnd: Int) -> Int? {
        guard slots > 0 else { return start }
        // Placeholders never break a match.
        var position = start
        while position < sentenceEnd, tokens[position].kind == .placeholder { position += 1 }
        if code[pc] == PatternProgram.Opcode.gap.rawValue {
            let size = Int(code[pc + 1])
            var skipped = 0
            var next = position
            while next < sentenceEnd, skipped <= size {
                if let end = run(pc + 2, slots: slots - 1, from: next, sentenceEnd: sentenceEnd) { return end }
                if tokens[next].kind != .placeholder { skipped += 1 }
                next += 1
            }
            return nil
        }
        guard position < sentenceEnd else { return nil }
        let (matched, next) = slot(at: pc, matches: position)
        guard matched else { return nil }
        return run(next, slots: slots - 1, from: position + 1, sentenceEnd: sentenceEnd)
    }

    /// The word ids of the token at `position` (see `DocumentWords`).
    mutating func wordIDs(at position: Int) -> (own: Int32, stems: [Int32]) {
        let index = Int(keyIndex[position])
        if index >= 0 { return words.ids(index, keys[index], in: program) }
        return program.words(of: String(decoding: text[tokens[position].range], as: UTF8.self))
    }

    /// The first token from `position` on that is not a placeholder, within the sentence.
    func skippingPlaceholders(from position: Int, sentenceEnd: Int) -> Int? {
        var position = position
        while position < sentenceEnd, tokens[position].kind == .placeholder { position += 1 }
        return position < sentenceEnd ? position : nil
    }

    /// Does the slot at `pc` match the token at `position`? Also returns where the next slot starts.
    private mutating func slot(at pc: Int, matches position: Int) -> (Bool, Int) {
        let token = tokens[position]
        if code[pc] == PatternProgram.Opcode.prefix.rawValue {
            let prefix = program.prefixes[Int(code[pc + 1])]
            let matched = token.key.isEmpty ? text[token.range].starts(with: prefix) : token.key.utf8.starts(with: prefix)
            return (matched, pc + 2)
        }
        let next = pc + 2 + Int(code[pc + 1])
        let inflect = code[pc] == PatternProgram.Opcode.inflectingWord.rawValue
        let index = Int(keyIndex[position])
        for alternative in code[(pc + 2)..<next] {
            if alternative < 0 {
                if text[token.range].elementsEqual(program.exactForms[Int(-alternative - 1)]) { return (true, next) }
            } else if index >= 0 {
                if words.key(index, keys[index], matches: alternative, inflect: inflect, in: program) { return (true, next) }
            } else {
                // A token without a key (punctuation inside a form): its text is the key.
                let (own, stems) = program.words(of: String(decoding: text[token.range], as: UTF8.self))
                if own == alternative || (inflect && stems.contains(alternative)) { return (true, next) }
            }
        }
        return (false, next)
    }
}
