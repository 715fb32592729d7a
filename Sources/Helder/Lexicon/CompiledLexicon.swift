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
    /// Folded first word → patterns that start with it.
    let byFirstWord: [String: [Int]]
    /// Patterns whose first slot is a prefix (`manipul*`), with that prefix as UTF-8.
    let prefixStems: [([UInt8], Int)]
    /// Reversed compound heads → patterns (`interventie` for `gezinsinterventie`).
    let compoundHeads: SuffixTrie

    public init(entries: [LexiconEntry], tokenizer: Tokenizer) {
        self.entries = entries
        var patterns: [CompiledPattern] = []
        for (index, entry) in entries.enumerated() {
            for form in entry.forms {
                if let pattern = CompiledPattern(form: form, entry: index, exact: entry.exact,
                                                 compound: entry.compound, tokenizer: tokenizer) {
                    patterns.append(pattern)
                }
            }
        }
        var byFirstWord: [String: [Int]] = [:]
        var prefixStems: [([UInt8], Int)] = []
        var heads = SuffixTrie()
        for (index, pattern) in patterns.enumerated() {
            if case .prefix(let stem) = pattern.slots.first { prefixStems.append((Array(stem.utf8), index)) }
            for key in Set(pattern.firstKeys) { byFirstWord[key, default: []].append(index) }
            for key in pattern.compoundKeys { heads.insert(key, value: index) }
        }
        self.patterns = patterns
        self.byFirstWord = byFirstWord
        self.prefixStems = prefixStems
        self.compoundHeads = heads
    }

    /// Every match in the document, before any rule-specific filtering; overlapping matches of one
    /// category are resolved: the earliest, then the longest, wins.
    func matches(in document: AnalyzedDocument, entryFilter: (Int) -> Bool) -> [LexiconMatch] {
        var found: [LexiconMatch] = []
        let tokens = document.tokens
        // Words repeat (Zipf), and the candidates of a word depend on its key only: look them up once.
        var cache: [String: [KeyCandidate]] = [:]
        for sentence in document.sentences {
            for index in sentence where tokens[index].isWordLike && !document.inEntity[index] {
                let token = tokens[index]
                let known: [KeyCandidate]
                if let cached = cache[token.key] {
                    known = cached
                } else {
                    known = keyCandidates(token.key)
                    cache[token.key] = known
                }
                func consider(_ patternIndex: Int, _ partRange: Range<Int>?) {
                    let pattern = patterns[patternIndex]
                    guard entryFilter(pattern.entry) else { return }
                    if let partRange {
                        found.append(LexiconMatch(entry: pattern.entry, tokens: index..<index + 1, bytes: partRange))
                    } else if let end = match(pattern, at: index, sentenceEnd: sentence.upperBound, document) {
                        found.append(LexiconMatch(entry: pattern.entry, tokens: index..<end,
                                                  bytes: token.start..<tokens[end - 1].end))
                    }
                }
                for candidate in known { consider(candidate.pattern, candidate.wholeToken ? token.range : nil) }
                if token.key.utf8.contains(UInt8(ascii: "-")) {
                    for (pattern, part) in hyphenPartCandidates(token, document) where !known.contains(where: { $0.pattern == pattern }) {
                        consider(pattern, part)
                    }
                }
            }
        }
        return resolveOverlaps(found)
    }

    /// A pattern that may match at a token, found from the token's key alone. `wholeToken`: a compound
    /// head matched, and the whole word is the finding.
    struct KeyCandidate: Sendable {
        let pattern: Int
        let wholeToken: Bool
    }

    /// Patterns that may start at a word with this key: by first word (also through inflected stems),
    /// by prefix, and as the head of a compound.
    func keyCandidates(_ key: String) -> [KeyCandidate] {
        var result: [KeyCandidate] = []
        func emit(_ pattern: Int, whole: Bool) {
            guard !result.contains(where: { $0.pattern == pattern }) else { return }
            result.append(KeyCandidate(pattern: pattern, wholeToken: whole))
        }
        let stems = CompiledPattern.stems(of: key)
        for pattern in byFirstWord[key] ?? [] { emit(pattern, whole: false) }
        for stem in stems {
            for pattern in byFirstWord[stem] ?? [] { emit(pattern, whole: false) }
        }
        for (stem, pattern) in prefixStems where key.utf8.starts(with: stem) { emit(pattern, whole: false) }
        for candidate in [key] + stems {
            compoundHeads.matches(in: candidate, minimumPrefix: 3) { emit($0, whole: true) }
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

    /// Matches a pattern from `start`; returns the end token index (exclusive).
    private func match(_ pattern: CompiledPattern, at start: Int, sentenceEnd: Int, _ document: AnalyzedDocument) -> Int? {
        matchSlots(pattern.slots[...], from: start, sentenceEnd: sentenceEnd, document)
    }

    private func matchSlots(_ slots: ArraySlice<CompiledPattern.Slot>, from start: Int, sentenceEnd: Int,
                            _ document: AnalyzedDocument) -> Int? {
        guard let slot = slots.first else { return start }
        let tokens = document.tokens
        // Placeholders never break a match.
        var position = start
        while position < sentenceEnd, tokens[position].kind == .placeholder { position += 1 }
        if case .gap(let size) = slot {
            var skipped = 0
            var next = position
            while next < sentenceEnd, skipped <= size {
                if let end = matchSlots(slots.dropFirst(), from: next, sentenceEnd: sentenceEnd, document) { return end }
                if tokens[next].kind != .placeholder { skipped += 1 }
                next += 1
            }
            return nil
        }
        guard position < sentenceEnd else { return nil }
        let token = tokens[position]
        guard slotMatches(slot, token: token, document) else { return nil }
        return matchSlots(slots.dropFirst(), from: position + 1, sentenceEnd: sentenceEnd, document)
    }

    private func slotMatches(_ slot: CompiledPattern.Slot, token: Token, _ document: AnalyzedDocument) -> Bool {
        if !token.key.isEmpty, case .word(_, let exactCase, _) = slot, exactCase.allSatisfy({ $0 == nil }) {
            return slotMatches(slot, key: token.key, raw: "")
        }
        let raw = document.source.string(token.range)
        return slotMatches(slot, key: token.key.isEmpty ? raw : token.key, raw: raw)
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

    private func resolveOverlaps(_ matches: [LexiconMatch]) -> [LexiconMatch] {
        let sorted = matches.sorted {
            if $0.bytes.lowerBound != $1.bytes.lowerBound { return $0.bytes.lowerBound < $1.bytes.lowerBound }
            return $0.bytes.count > $1.bytes.count
        }
        var kept: [LexiconMatch] = []
        var lastEnd: [Category: Int] = [:]
        for match in sorted {
            let category = entries[match.entry].category
            if let end = lastEnd[category], match.bytes.lowerBound < end { continue }
            kept.append(match)
            lastEnd[category] = match.bytes.upperBound
        }
        return kept
    }
}

/// A trie over reversed keys: finds which known words a longer word ends with.
struct SuffixTrie: Sendable {
    private var children: [[UInt8: Int]] = [[:]]
    private var values: [[Int]] = [[]]

    mutating func insert(_ key: String, value: Int) {
        var node = 0
        for byte in key.utf8.reversed() {
            if let next = children[node][byte] {
                node = next
            } else {
                children.append([:])
                values.append([])
                children[node][byte] = children.count - 1
                node = children.count - 1
            }
        }
        values[node].append(value)
    }

    /// Calls `body` for every inserted key that `word` ends with, leaving at least `minimumPrefix` bytes.
    func matches(in word: String, minimumPrefix: Int, _ body: (Int) -> Void) {
        let bytes = word.utf8
        var node = 0
        var remaining = bytes.count
        var index = bytes.endIndex
        while remaining > minimumPrefix {
            index = bytes.index(before: index)
            remaining -= 1
            guard let next = children[node][bytes[index]] else { return }
            node = next
            if !values[node].isEmpty { values[node].forEach(body) }
        }
    }
}
