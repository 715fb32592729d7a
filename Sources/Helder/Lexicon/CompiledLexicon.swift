import LexiconFormat

/// One place where a lexicon entry matched: token indexes and the byte range it covers.
struct LexiconMatch: Sendable {
    let entry: Int
    let tokens: Range<Int>
    let bytes: Range<Int>
}

/// All lexicon forms compiled into indexes, built once and shared by every document: a hash of first
/// words (with inflected stems), a reversed trie for compound heads and a short list of prefix forms.
public final class CompiledLexicon: Sendable {
    public let entries: [LexiconEntry]
    let patterns: [CompiledPattern]
    /// The entry of each pattern, as plain integers: read for every candidate tried, by every worker,
    /// without touching the patterns' reference-counted slot arrays.
    let patternEntries: [Int]
    /// Folded first word → patterns that start with it.
    let byFirstWord: KeyMap<[Int]>
    /// Patterns whose first slot is a prefix (`manipul*`), with that prefix as UTF-8 and its first three
    /// bytes (a prefix has at least three letters). A handful: a list, read through for a word whose
    /// first byte one starts with (a dictionary keyed by the head cost a run's start-up 0.7 M
    /// instructions for its first use of the type alone).
    let prefixStems: [PrefixStem]
    /// Per first byte: does any prefix stem start with it? Most words are then known to start none.
    let prefixStemStarts: [Bool]

    struct PrefixStem: Sendable {
        let head: UInt32
        let stem: [UInt8]
        let pattern: Int
    }
    /// Reversed compound heads → patterns (`interventie` for `gezinsinterventie`).
    let compoundHeads: SuffixTrie
    /// The same patterns as flat integer code, for matching.
    let program: PatternProgram

    public init(entries: [LexiconEntry], tokenizer: Tokenizer) {
        self.entries = entries
        var patterns: [CompiledPattern] = []
        for index in entries.indices {
            for form in entries[index].forms {
                if let pattern = CompiledPattern(form: form, entry: index, exact: entries[index].exact,
                                                 compound: entries[index].compound, tokenizer: tokenizer) {
                    patterns.append(pattern)
                }
            }
        }
        var byFirstWord = KeyMap<[Int]>(minimumCapacity: patterns.count)
        var prefixStems: [PrefixStem] = []
        var heads = SuffixTrie()
        for (index, pattern) in patterns.enumerated() {
            if case .prefix(let stem) = pattern.slots.first, let head = Self.head(stem.utf8) {
                prefixStems.append(PrefixStem(head: head, stem: Array(stem.utf8), pattern: index))
            }
            let keys = pattern.firstKeys
            for (number, key) in keys.enumerated() where !keys[..<number].contains(key) {
                byFirstWord.update(key, initial: []) { $0.append(index) }
            }
            for key in pattern.compoundKeys { heads.insert(key, value: index) }
        }
        self.patterns = patterns
        self.patternEntries = patterns.map(\.entry)
        self.byFirstWord = byFirstWord
        self.prefixStems = prefixStems
        self.prefixStemStarts = (0..<256).map { byte in prefixStems.contains { $0.head >> 16 == UInt32(byte) } }
        self.compoundHeads = heads
        self.program = PatternProgram(patterns)
    }

    /// Every match in the document, before any rule-specific filtering; overlapping matches of one
    /// category are resolved: the earliest, then the longest, wins. `cache` carries per-word work over to the next document; it must have been set up with `use(for:)`
    /// for the rule set whose `entryFilter` this is.
    func matches(in document: AnalyzedDocument, cache: MatchCache, entryFilter: (Int) -> Bool) -> [LexiconMatch] {
        var found: [LexiconMatch] = []
        let tokens = document.tokens
        let keyIndexes = document.keyIndex
        let patternEntries = self.patternEntries
        // Words repeat (Zipf), and the candidates of a word depend on its key only: look them up once
        // per distinct key, already filtered by entry. Per key the number of its plan in `plans`; plan 0
        // is the empty plan of most words, skipped without touching a plan object.
        let planOfKey = UnsafeMutableBufferPointer<Int32>.allocate(capacity: document.keys.count)
        planOfKey.initialize(repeating: -1)
        defer { planOfKey.deallocate() }
        var plans: [KeyPlan] = [cache.emptyPlan]
        // The same plans, read without counting references at every token (`plans` keeps them alive).
        var planReferences: [Unmanaged<KeyPlan>] = [.passUnretained(cache.emptyPlan)]
        // Per spelling of a hyphenated word: its parts' patterns, with byte ranges from the word's start.
        // Found by the word's bytes (`KeyMap`): no String made, and no SipHash, for a spelling seen before.
        var hyphenParts = KeyMap<[(Int, Range<Int>)]>()
        // Per pair of keys (this word's, the next word's): the candidates `KeyPlan.candidates` gave, so
        // that a pair seen before (`de jeugdbeschermer`) is one lookup.
        var pairCandidates = PairCandidates()
        let words = DocumentWords(keys: document.keys, keyHashes: document.keyHashes, cache: cache)
        program.code.withUnsafeBufferPointer { code in
        program.gapChecks.withUnsafeBufferPointer { gapChecks in
        keyIndexes.withUnsafeBufferPointer { keyIndexes in
            var matcher = ProgramMatcher(code: code, gapChecks: gapChecks, program: program, document: document, words: words)
            for sentence in document.sentences {
                // Most tokens are words whose key starts nothing: the key and its plan number tell at once,
                // before the token itself is read.
                for index in sentence {
                    let keyIndex = Int(keyIndexes[index])
                    guard keyIndex >= 0 else { continue }
                    var number = planOfKey[keyIndex]
                    guard number != 0, tokens[index].isWordLike, !tokens[index].flags.contains(.inEntity) else { continue }
                    if number < 0 {
                        let plan = self.plan(forKey: keyIndex, of: document, cache: cache, entryFilter: entryFilter)
                        number = plan.isEmpty ? 0 : Int32(plans.count)
                        if number > 0 {
                            plans.append(plan)
                            planReferences.append(.passUnretained(plan))
                        }
                        planOfKey[keyIndex] = number
                    }
                    if number == 0 { continue }
                    planReferences[Int(number)]._withUnsafeGuaranteedRef { plan in
                        let token = tokens[index]
                        // Usually no phrase of this key goes on with the next word: then the plan's own
                        // items are read, with no array to count references to (or to let go of).
                        if plan.needsNextWord,
                           let next = ProgramMatcher.firstNonPlaceholder(in: tokens, from: index + 1, sentenceEnd: sentence.upperBound),
                           plan.secondWordBits & matcher.wordBits(at: next) != 0,
                           let withNext = Self.candidates(of: plan, key: keyIndex, next: next, matcher: &matcher,
                                                          known: &pairCandidates) {
                            for item in withNext {
                                Self.tryItem(item, at: index, sentenceEnd: sentence.upperBound, tokens: tokens,
                                             patternEntries: patternEntries, matcher: &matcher, found: &found)
                            }
                        } else {
                            for item in plan.alwaysItems {
                                Self.tryItem(item, at: index, sentenceEnd: sentence.upperBound, tokens: tokens,
                                             patternEntries: patternEntries, matcher: &matcher, found: &found)
                            }
                        }
                        if let wholeKeyPatterns = plan.wholeKeyPatterns {
                            // The same hyphenated word gives the same parts: worked out once per spelling.
                            let (known, hash) = document.source.text.withUnsafeBufferPointer { text in
                                let bytes = UnsafeBufferPointer(rebasing: text[token.range])
                                let hash = HashSlots.hash(bytes)
                                return (hyphenParts.value(bytes: bytes, hash: hash), hash)
                            }
                            let parts = known ?? {
                                let parts = hyphenPartCandidates(token, document).filter {
                                    !wholeKeyPatterns.contains($0.0) && entryFilter(patternEntries[$0.0])
                                }.map { ($0.0, ($0.1.lowerBound - token.start)..<($0.1.upperBound - token.start)) }
                                hyphenParts.set(parts, for: document.source.string(token.range), hash: hash)
                                return parts
                            }()
                            for (pattern, part) in parts {
                                found.append(LexiconMatch(entry: patternEntries[pattern], tokens: index..<index + 1,
                                                          bytes: (token.start + part.lowerBound)..<(token.start + part.upperBound)))
                            }
                        }
                    }
                }
            }
        } } }
        withExtendedLifetime(plans) {}
        return resolveOverlaps(found)
    }

    /// `plan.candidates(nextWord:)` for the word at `next`, worked out once per pair of keys.
    private static func candidates(of plan: KeyPlan, key: Int, next: Int, matcher: inout ProgramMatcher,
                                   known: inout PairCandidates) -> [KeyPlan.Item]? {
        let nextKey = Int(matcher.keyIndex[next])
        guard nextKey >= 0 else { return plan.candidates(nextWord: matcher.wordIDs(at: next)) }
        let pair = key << 32 | nextKey
        return known.candidates(pair) { plan.candidates(nextWord: matcher.wordIDs(at: next)) }
    }

    /// Tries one candidate of a plan at the token at `index` and notes its match. Static, with the
    /// matcher and the list passed in: a local function capturing them is checked for exclusive
    /// access at every call.
    @inline(__always)
    private static func tryItem(_ item: KeyPlan.Item, at index: Int, sentenceEnd: Int, tokens: [Token], patternEntries: [Int],
                                matcher: inout ProgramMatcher, found: inout [LexiconMatch]) {
        let entry = patternEntries[item.candidate.pattern]
        let token = tokens[index]
        if item.candidate.wholeToken {
            found.append(LexiconMatch(entry: entry, tokens: index..<index + 1, bytes: token.range))
        } else if let end = matcher.match(item.candidate.pattern, at: index, sentenceEnd: sentenceEnd,
                                          firstSlotMatched: item.candidate.firstSlotMatched) {
            found.append(LexiconMatch(entry: entry, tokens: index..<end, bytes: token.start..<tokens[end - 1].end))
        }
    }

    /// The plan of the document's key with this index: from the worker's cache, or worked out and cached.
    private func plan(forKey keyIndex: Int, of document: AnalyzedDocument, cache: MatchCache, entryFilter: (Int) -> Bool) -> KeyPlan {
        let key = document.keys[keyIndex]
        let hash = document.keyHashes[keyIndex]
        if let shared = cache.plans[key, hash: hash] { return shared }
        let candidates = keyCandidates(key)
        var contiguous = key
        let hyphenated = contiguous.withUTF8 { $0.contains(UInt8(ascii: "-")) }
        let tried = candidates.filter { entryFilter(patternEntries[$0.pattern]) && !$0.cannotMatch }
        let plan = tried.isEmpty && !hyphenated ? cache.emptyPlan
            : KeyPlan(tried, patterns: patterns, program: program, wholeKeyPatterns: hyphenated ? candidates.map(\.pattern) : nil)
        cache.store(plan, for: key, hash: hash)
        return plan
    }

    /// The first three bytes of a key, packed (nil when shorter). `prefixStemStarts` reads the first
    /// byte back from the top.
    static func head(_ bytes: some Collection<UInt8>) -> UInt32? {
        var iterator = bytes.makeIterator()
        guard let a = iterator.next(), let b = iterator.next(), let c = iterator.next() else { return nil }
        return UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    /// A pattern that may match at a token, found from the token's key alone. `wholeToken`: a compound
    /// head matched, and the whole word is the finding.
    struct KeyCandidate: Sendable {
        let pattern: Int
        let wholeToken: Bool
        /// The key alone decides the first slot (no forms that must match as written): it matched...
        var firstSlotMatched = false
        /// ...or it did not, and the pattern can never start at this key.
        var cannotMatch = false
    }

    /// Patterns that may start at a word with this key: by first word (also through inflected stems),
    /// by prefix, and as the head of a compound. Asked once for every distinct word of a document (a
    /// text of many different words asks it more than anything else): read on the key's bytes, its
    /// stems as lengths, no String made.
    func keyCandidates(_ key: String) -> [KeyCandidate] {
        // The list is passed along rather than captured by a local function: a captured variable
        // lived in a heap box, checked for exclusive access at every use.
        func emit(_ pattern: Int, whole: Bool, into result: inout [KeyCandidate]) {
            guard !result.contains(where: { $0.pattern == pattern }) else { return }
            result.append(KeyCandidate(pattern: pattern, wholeToken: whole))
        }
        var contiguous = key
        var result: [KeyCandidate] = contiguous.withUTF8 { bytes in
            var result: [KeyCandidate] = []
            let stems = CompiledPattern.stemLengths(of: bytes)
            for pattern in byFirstWord.value(bytes: bytes, hash: HashSlots.hash(bytes)) ?? [] { emit(pattern, whole: false, into: &result) }
            for stem in stems {
                let prefix = UnsafeBufferPointer(rebasing: bytes[..<stem])
                for pattern in byFirstWord.value(bytes: prefix, hash: HashSlots.hash(prefix)) ?? [] { emit(pattern, whole: false, into: &result) }
            }
            if let first = bytes.first, prefixStemStarts[Int(first)], let head = Self.head(bytes) {
                for prefix in prefixStems where prefix.head == head && bytes.starts(with: prefix.stem) {
                    emit(prefix.pattern, whole: false, into: &result)
                }
            }
            compoundHeads.matches(in: bytes, minimumPrefix: 3) { emit($0, whole: true, into: &result) }
            for stem in stems {
                compoundHeads.matches(in: UnsafeBufferPointer(rebasing: bytes[..<stem]), minimumPrefix: 3) { emit($0, whole: true, into: &result) }
            }
            return result
        }
        for index in result.indices where !result[index].wholeToken {
            switch patterns[result[index].pattern].slots.first {
            case .prefix:
                result[index].firstSlotMatched = true
            case .word(_, let exactCase, _)? where exactCase.allSatisfy({ $0 == nil }):
                let matched = slotMatches(patterns[result[index].pattern].slots[0], key: key, raw: "")
                result[index].firstSlotMatched = matched
                result[index].cannotMatch = !matched
            default:
                break
            }
        }
        return result
    }

    /// Hyphenated words: each part on its own (`OTS-verlenging`), with the part's byte range.
    private func hyphenPartCandidates(_ token: Token, _ document: AnalyzedDocument) -> [(Int, Range<Int>)] {
        var result: [(Int, Range<Int>)] = []
        let text = document.source.text
        var partStart = token.start
        var position = token.start
        while position <= token.end {
            if position == token.end || text[position] == UInt8(ascii: "-") {
                if position > partStart {
                    let raw = String(decoding: text[partStart..<position], as: UTF8.self)
                    let partKey = TextFolding.fold(raw)
                    for stem in [partKey] + CompiledPattern.stems(of: partKey) {
                        for pattern in byFirstWord[stem] ?? [] where patterns[pattern].slots.count == 1 {
                            if slotMatches(patterns[pattern].slots[0], key: partKey, raw: raw),
                               !result.contains(where: { $0.0 == pattern }) {
                                result.append((pattern, partStart..<position))
                            }
                        }
                    }
                }
                partStart = position + 1
            }
            position += 1
        }
        return result
    }

    private func slotMatches(_ slot: CompiledPattern.Slot, key: String, raw: String) -> Bool {
        switch slot {
        case .gap:
            return true
        case .prefix(let stem):
            return key.hasPrefix(stem)
        case .word(let keys, let exactCase, let inflect):
            for (word, exact) in zip(keys, exactCase) {
                if let exact {
                    if raw == exact { return true }
                } else if CompiledPattern.matches(key: key, word: word, inflect: inflect) {
                    return true
                }
            }
            return false
        }
    }

    @inline(__always)
    private static func number(of category: Category) -> Int {
        switch category {
        case .jargon: 0
        case .abbreviation: 1
        case .directive: 2
        case .blame: 3
        }
    }

    private func resolveOverlaps(_ matches: [LexiconMatch]) -> [LexiconMatch] {
        let sorted = matches.sorted {
            if $0.bytes.lowerBound != $1.bytes.lowerBound { return $0.bytes.lowerBound < $1.bytes.lowerBound }
            return $0.bytes.count > $1.bytes.count
        }
        var kept: [LexiconMatch] = []
        // Per category (by its place in `Category.allCases`, not hashed per match): where its last kept
        // match ends.
        var lastEnd = [Int](filling: Int.min, count: Category.allCases.count)
        for match in sorted {
            let category = Self.number(of: entries[match.entry].category)
            if match.bytes.lowerBound < lastEnd[category] { continue }
            kept.append(match)
            lastEnd[category] = match.bytes.upperBound
        }
        return kept
    }
}

/// The candidates `KeyPlan.candidates(nextWord:)` gave per pair of document keys (`key << 32 | nextKey`),
/// under a multiplicative hash of the pair: a `Dictionary` hashes each Int with SipHash, which cost
/// more than the rest of a lookup.
struct PairCandidates {
    private var slots = HashSlots(minimumCapacity: 0, smallest: 64)
    private var pairs: [Int] = []
    private var values: [[KeyPlan.Item]?] = []

    /// The pair's candidates, made by `make` the first time.
    mutating func candidates(_ pair: Int, make: () -> [KeyPlan.Item]?) -> [KeyPlan.Item]? {
        let hash = UInt32(truncatingIfNeeded: (UInt64(bitPattern: Int64(pair)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
        let (found, slot) = slots.find(hash) { pairs[$0] == pair }
        if let found { return values[found] }
        let made = make()
        pairs.append(pair)
        values.append(made)
        slots.insert(hash, at: slot)
        return made
    }
}
