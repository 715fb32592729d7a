import LexiconFormat

/// A lexicon form compiled against the tokenizer: every word is tokenized and folded the way text is.
struct CompiledPattern: Sendable {
    enum Slot: Sendable {
        /// One of these folded keys; `exactCase` holds the forms that must match as written (acronyms).
        case word(keys: [String], exactCase: [String?], inflect: Bool)
        case prefix(String)
        case gap(Int)
    }

    let entry: Int
    let slots: [Slot]
    let compound: Bool

    /// Dutch endings accepted on a word of four or more letters (see `Lexicons/README.md`).
    static let inflections: [String] = [
        "s", "'s", "e", "en", "n", "er", "ers", "je", "jes", "tje", "tjes", "etje", "etjes", "pje", "pjes",
    ]
    static let doubledInflections: Set<String> = ["en", "er", "ers", "e", "etje", "etjes"]

    init?(form: String, entry: Int, exact: Bool, compound: Bool, tokenizer: Tokenizer) {
        self.entry = entry
        let plain = form.utf8.withContiguousStorageIfAvailable { Self.plainSlots($0, inflect: !exact) } ?? nil
        guard let slots = plain ?? Self.parsedSlots(form: form, exact: exact, tokenizer: tokenizer) else { return nil }
        self.slots = slots
        self.compound = compound && !exact && slots.count == 1
    }

    /// The slots of any form: parsed, and each word tokenized and folded as text is. Nil for a form
    /// that does not parse.
    static func parsedSlots(form: String, exact: Bool, tokenizer: Tokenizer) -> [Slot]? {
        guard case .success(let pattern) = FormPattern.parse(form) else { return nil }
        var slots: [Slot] = []
        for slot in pattern.slots {
            switch slot {
            case .gap(let size):
                slots.append(.gap(size))
            case .prefix(let stem):
                slots.append(.prefix(TextFolding.fold(stem)))
            case .word(let alternatives):
                if alternatives.count == 1, let key = Self.asciiLetterKey(alternatives[0]) {
                    // The common case (one plain word) without running the tokenizer.
                    slots.append(.word(keys: [key], exactCase: [Self.isAcronym(alternatives[0]) ? alternatives[0] : nil], inflect: !exact))
                    continue
                }
                let tokenized = alternatives.map { Self.tokens(of: $0, tokenizer) }
                if tokenized.count == 1, tokenized[0].count > 1 {
                    // A form word the tokenizer splits (`t/m` is one token, `'s-avonds` may be two).
                    for (raw, key) in tokenized[0] {
                        slots.append(.word(keys: [key], exactCase: [Self.isAcronym(raw) ? raw : nil], inflect: false))
                    }
                    continue
                }
                let keys = tokenized.map { $0.map(\.key).joined() }
                let exactCase = zip(alternatives, tokenized).map { raw, parts in
                    Self.isAcronym(raw) && parts.count == 1 ? parts[0].raw : nil
                }
                slots.append(.word(keys: keys, exactCase: exactCase, inflect: !exact))
            }
        }
        return slots
    }

    /// Most forms are words of plain ASCII letters, alternatives (`moet|moeten`) and gaps (`…`) between
    /// spaces: their slots straight from the bytes, as `parsedSlots` would make them (a test compares
    /// both on every lexicon form). Every lexicon form is compiled at start-up, and parsing and
    /// tokenizing cost ten times as much. Nil for any other form, or one that does not parse.
    static func plainSlots(_ bytes: UnsafeBufferPointer<UInt8>, inflect: Bool) -> [Slot]? {
        func isSpace(_ index: Int) -> Bool { bytes[index] == 0x20 || bytes[index] == 0x09 }
        func isGap(_ slot: Slot?) -> Bool { if case .gap = slot { true } else { false } }
        var slots: [Slot] = []
        slots.reserveCapacity(bytes.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) })
        var index = 0
        while index < bytes.count {
            if isSpace(index) {
                index += 1
                continue
            }
            if FormPattern.isEllipsis(at: index, in: bytes), index + 3 == bytes.count || isSpace(index + 3) {
                // A gap may not open a form or follow another: the parser says why.
                guard !slots.isEmpty, !isGap(slots.last) else { return nil }
                slots.append(.gap(FormPattern.maximumGap))
                index += 3
                continue
            }
            // Most words are no acronym: they share one list of no exact forms (an allocation less).
            var keys: [String] = [], acronyms: [String?]?
            var start = index, uppercase = 0
            while true {
                if index == bytes.count || isSpace(index) || bytes[index] == UInt8(ascii: "|") {
                    guard index > start else { return nil }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    let raw = String(decoding: word, as: UTF8.self)
                    if uppercase >= 2 || acronyms != nil {
                        acronyms = (acronyms ?? [String?](repeating: nil, count: keys.count)) + [uppercase >= 2 ? raw : nil]
                    }
                    keys.append(uppercase == 0 ? raw : TextFolding.asciiLowercased(word, word.indices))
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "|") else { break }
                    index += 1
                    start = index
                    uppercase = 0
                    continue
                }
                let byte = bytes[index]
                if byte >= 65 && byte <= 90 { uppercase += 1 } else if byte < 97 || byte > 122 { return nil }
                index += 1
            }
            let exactCase = acronyms ?? (keys.count < noExactCase.count ? noExactCase[keys.count] : Array(repeating: nil, count: keys.count))
            slots.append(.word(keys: keys, exactCase: exactCase, inflect: inflect))
        }
        return slots.isEmpty || isGap(slots.last) ? nil : slots
    }

    /// Lists of `nil`, by length: the `exactCase` of words without acronyms.
    private static let noExactCase: [[String?]] = (0..<8).map { [String?](repeating: nil, count: $0) }

    /// The key of a word of plain ASCII letters (its lowercase: the tokenizer would make it one token).
    static func asciiLetterKey(_ word: String) -> String? {
        var hasUppercase = false
        for byte in word.utf8 {
            if byte >= 65 && byte <= 90 { hasUppercase = true } else if byte < 97 || byte > 122 { return nil }
        }
        guard hasUppercase else { return word }
        return TextFolding.fold(word)
    }

    static func tokens(of word: String, _ tokenizer: Tokenizer) -> [(raw: String, key: String)] {
        if let key = asciiLetterKey(word) { return [(word, key)] }
        let bytes = Array(word.utf8)
        let (tokens, keys) = tokenizer.tokenizeWithKeys(bytes)
        return tokens.indices.map { index in
            let raw = String(decoding: bytes[tokens[index].range], as: UTF8.self)
            return (raw, keys.keyIndex[index] < 0 ? raw : keys[index])
        }
    }

    /// Two or more capitals: an acronym, matched as written.
    static func isAcronym(_ word: String) -> Bool {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.utf8.count(where: { $0 >= 65 && $0 <= 90 }) >= 2 }
        return word.unicodeScalars.filter { $0.properties.isUppercase }.count >= 2
    }

    /// The first slot's keys, for indexing.
    var firstKeys: [String] {
        if case .word(let keys, _, _) = slots.first { return keys }
        return []
    }

    /// The one word of a single-word pattern, for compound matching.
    var compoundKeys: [String] {
        guard compound, case .word(let keys, let exactCase, _) = slots.first else { return [] }
        return zip(keys, exactCase).compactMap { key, exact in exact == nil && key.count >= 6 ? key : nil }
    }

    /// Does `key` (a token's key) match `word`, allowing regular Dutch endings?
    static func matches(key: String, word: String, inflect: Bool) -> Bool {
        if key == word { return true }
        guard inflect else { return false }
        let keyBytes = key.utf8, wordBytes = word.utf8
        guard wordBytes.count >= 4, keyBytes.count > wordBytes.count, keyBytes.starts(with: wordBytes) else { return false }
        let suffix = keyBytes.dropFirst(wordBytes.count)
        if inflectionBytes.contains(where: { suffix.elementsEqual($0) }) { return true }
        // `overleg` → `overleggen`: the last consonant doubled.
        if let last = wordBytes.last, !isVowel(last), suffix.first == last {
            let rest = suffix.dropFirst()
            return doubledInflectionBytes.contains(where: { rest.elementsEqual($0) })
        }
        return false
    }

    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
    }

    static let inflectionBytes: [[UInt8]] = inflections.map { Array($0.utf8) }
    static let doubledInflectionBytes: [[UInt8]] = doubledInflections.map { Array($0.utf8) }
    /// Per byte value: can an inflection end with it? A word ending otherwise has no stems to try.
    static let inflectionEnds: [Bool] = (0..<256).map { byte in inflections.contains { $0.utf8.last == UInt8(byte) } }
    /// Per inflection: may a doubled consonant before it be undone (`overleggen`)?
    static let undoublesConsonant: [Bool] = inflections.map { doubledInflections.contains($0) }

    /// Can a word ending in this byte be inflected?
    @inline(__always)
    static func mayBeInflected(endingIn byte: UInt8) -> Bool { inflectionEnds[Int(byte)] }

    /// The stems a key may have come from by inflection (without the key itself).
    static func stems(of key: String) -> [String] {
        var contiguous = key
        return contiguous.withUTF8 { bytes in
            stemLengths(of: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0]), as: UTF8.self) }
        }
    }

    /// The same stems as lengths: each is the start of the key (`overleggen`: `overlegg`, `overleg`),
    /// so it can be looked up by its bytes without a String being made. Asked for every new word of a
    /// document: the endings are tried from a table by last byte, and the lengths kept inline.
    static func stemLengths(of bytes: UnsafeBufferPointer<UInt8>) -> StemLengths {
        var stems = StemLengths()
        guard let last = bytes.last, bytes.count >= 5 else { return stems }
        var candidates = inflectionsEndingIn[Int(last)]
        guard candidates != 0 else { return stems }
        inflectionRun.withUnsafeBufferPointer { run in
            while candidates != 0 {
                let index = candidates.trailingZeroBitCount
                candidates &= candidates &- 1
                let suffix = inflectionRanges[index]
                let stemEnd = bytes.count - suffix.count
                guard stemEnd >= 4 else { continue }
                var offset = 0
                while offset < suffix.count, bytes[stemEnd + offset] == run[suffix.lowerBound + offset] { offset += 1 }
                guard offset == suffix.count else { continue }
                stems.append(stemEnd)
                if undoublesConsonant[index], stemEnd >= 5, bytes[stemEnd - 1] == bytes[stemEnd - 2], !isVowel(bytes[stemEnd - 1]) {
                    stems.append(stemEnd - 1)
                }
            }
        }
        return stems
    }

    /// `inflections` as one run of bytes, and where each lies in it.
    private static let inflectionRun: [UInt8] = inflections.flatMap { Array($0.utf8) }
    private static let inflectionRanges: [Range<Int>] = {
        var start = 0
        return inflections.map { ending in
            defer { start += ending.utf8.count }
            return start..<start + ending.utf8.count
        }
    }()
    /// Per last byte: bit `i` is set when `inflections[i]` ends with it.
    private static let inflectionsEndingIn: [UInt32] = (0..<256).map { byte in
        inflections.indices.reduce(0) { mask, index in
            inflections[index].utf8.last == UInt8(byte) ? mask | 1 << UInt32(index) : mask
        }
    }
}

/// The stem lengths of one key, kept inline: a key has at most six (`…etje` fits `e`, `je`, `tje` and
/// `etje`, two of them with a doubled consonant undone; a test tries every ending). An array per new
/// word cost as much as the search for them.
struct StemLengths: RandomAccessCollection {
    static let capacity = 8
    private var lengths = SIMD8<Int32>()
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(position: Int) -> Int { Int(lengths[position]) }

    fileprivate mutating func append(_ length: Int) {
        guard count < Self.capacity else { return }
        lengths[count] = Int32(truncatingIfNeeded: length)
        count += 1
    }
}
