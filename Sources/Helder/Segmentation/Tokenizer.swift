/// Splits Dutch text into tokens: a scanner over UTF-8 with Dutch rules (clitics like `'s` and `zo'n`,
/// hyphenated compounds, dotted abbreviations, numbers, dates, times, money, URLs, e-mail addresses and
/// template placeholders). It works on bytes and allocates only the tokens' keys.
///
/// ICU's Dutch word break iterator decides where words end inside a run of letters. On the fast path it
/// is asked only for runs in scripts without spaces (Thai, Chinese, Japanese, …), since it never breaks
/// between Latin letters; on the ICU path it runs over the whole text. Both paths give the same tokens
/// (a test compares them on the corpus and the UD Dutch text).
public struct Tokenizer: Sendable {
    public enum Path: String, Sendable, CaseIterable {
        case fast, icu
    }

    /// Lowercased dotted abbreviations that keep their final dot (`bijv.`, `dhr.`, `art.`).
    let dottedAbbreviations: Set<String>
    /// The longest of them in bytes: a longer word before a dot (most sentence ends) is not one.
    let longestDottedAbbreviation: Int
    /// The dotted abbreviations that are ASCII letters and a dot (`bijv.`, `dhr.`), without the dot,
    /// as the two little-endian words the plain-word lane holds; sorted, for halving.
    let plainDottedAbbreviations: [PlainWordKey]
    /// Abbreviations as written (`OTS`, `RvdK`): `[OTS]` is a gloss of one, not a placeholder.
    let knownAbbreviations: Set<String>
    public var path: Path

    public init(dottedAbbreviations: Set<String>, knownAbbreviations: Set<String>, path: Path = .fast) {
        self.dottedAbbreviations = Set(dottedAbbreviations.map { $0.lowercased() })
        self.longestDottedAbbreviation = self.dottedAbbreviations.map(\.utf8.count).max() ?? 0
        self.plainDottedAbbreviations = self.dottedAbbreviations.compactMap { PlainWordKey(dotted: $0) }.sorted()
        self.knownAbbreviations = knownAbbreviations
        self.path = path
    }

    /// Is this lowercased plain word (see `PlainWordKey`) a dotted abbreviation without its dot?
    @inline(__always)
    func isPlainDottedAbbreviation(_ first: UInt64, _ second: UInt64) -> Bool {
        let key = PlainWordKey(first: first, second: second)
        var low = 0, high = plainDottedAbbreviations.count
        while low < high {
            let middle = (low &+ high) &>> 1
            if plainDottedAbbreviations[middle] < key { low = middle &+ 1 } else { high = middle }
        }
        return low < plainDottedAbbreviations.count && plainDottedAbbreviations[low] == key
    }

    /// The tokens alone (for output that only needs their places): no keys are made.
    public func tokenize(_ text: [UInt8]) -> [Token] {
        scan(text, keys: false).tokens
    }

    /// The tokens with their keys.
    public func tokenizeWithKeys(_ text: [UInt8]) -> (tokens: [Token], keys: TokenKeys) {
        let numbered = tokenizeNumberingKeys(text)
        return (numbered.tokens, numbered.keys)
    }

    /// Tokens with their keys numbered, the `KeyMap.hash` of each distinct key in `keyHashes`, and the
    /// number of tokens that are words.
    func tokenizeNumberingKeys(_ text: [UInt8]) -> (tokens: [Token], keys: TokenKeys, keyHashes: [UInt32], wordCount: Int) {
        let scanned = scan(text, keys: true)
        let keys = TokenKeys(keys: scanned.keyTable.keys, keyIndex: scanned.keyIndex, leadingPairs: scanned.keyTable.leadingPairs)
        return (scanned.tokens, keys, scanned.keyTable.hashes, scanned.wordCount)
    }

    /// The scanner writes straight into the arrays it returns, made with room for the tokens a text of
    /// this size usually has (prose has one every five or six bytes); a text with more is scanned again
    /// with room for one token per byte, more than any text can have.
    func scan(_ text: [UInt8], keys: Bool, expectedCapacity: Int? = nil)
        -> (tokens: [Token], keyIndex: [Int32], keyTable: KeyTable, wordCount: Int) {
        text.withUnsafeBufferPointer { buffer in
            var capacity = expectedCapacity ?? buffer.count / 3 + 64
            while true {
                var keyIndex: [Int32] = []
                var keyTable: KeyTable?
                var overflowed = false
                var wordCount = 0
                let tokens = [Token](unsafeUninitializedCapacity: capacity) { tokenStorage, tokenCount in
                    HugePages.advise(tokenStorage)
                    keyIndex = [Int32](unsafeUninitializedCapacity: keys ? capacity : 0) { keyStorage, keyCount in
                        HugePages.advise(keyStorage)
                        let sink = TokenSink(tokens: tokenStorage, keys: keys ? keyStorage : nil)
                        var scanner = TokenScanner(buffer: buffer, tokenizer: self, output: sink, makeKeys: keys)
                        if path == .icu {
                            var marks = [Bool](repeating: false, count: buffer.count + 1)
                            for boundary in ICUWordBreaks.boundaries(in: buffer, range: 0..<buffer.count) { marks[boundary] = true }
                            scanner.icuBoundaries = marks
                        }
                        scanner.run()
                        overflowed = scanner.output.overflowed
                        tokenCount = overflowed ? 0 : scanner.output.count
                        keyCount = overflowed || !keys ? 0 : scanner.output.count
                        keyTable = scanner.keyTable
                        wordCount = scanner.output.words
                    }
                }
                if !overflowed, let keyTable { return (tokens, keyIndex, keyTable, wordCount) }
                // A token takes at least one byte, so this is room enough; doubling keeps even a broken
                // promise from scanning forever.
                capacity = max(buffer.count + 64, capacity * 2)
            }
        }
    }
}

/// Where the scanner puts tokens and their key numbers: storage of a fixed size, filled in order with
/// no check for uniqueness or growth per token. When it is full it takes nothing more and says so.
struct TokenSink {
    private let tokens: UnsafeMutablePointer<Token>?
    /// Nil when no keys are made.
    private let keys: UnsafeMutablePointer<Int32>?
    private let capacity: Int
    private(set) var count = 0
    /// How many of the tokens are words (counted here rather than in another pass over all tokens).
    private(set) var words = 0
    private(set) var overflowed = false

    /// With `keys` nil, no key numbers are written.
    init(tokens: UnsafeMutableBufferPointer<Token>, keys: UnsafeMutableBufferPointer<Int32>?) {
        self.tokens = tokens.baseAddress
        self.keys = keys?.baseAddress
        self.capacity = min(tokens.count, keys?.count ?? tokens.count)
    }

    @inline(__always)
    mutating func append(_ token: Token, key: Int32) {
        guard count < capacity, let tokens else {
            overflowed = true
            return
        }
        (tokens + count).initialize(to: token)
        if let keys { (keys + count).initialize(to: key) }
        count &+= 1
        words &+= token.kind == .word ? 1 : 0
    }
}

struct TokenScanner {
    let buffer: UnsafeBufferPointer<UInt8>
    let tokenizer: Tokenizer
    var output: TokenSink
    var index = 0
    /// ICU word boundaries of the whole text (ICU path only).
    var icuBoundaries: [Bool]?
    /// The last scanned word has letters of a script without spaces.
    var sawDictionaryScript = false
    let makeKeys: Bool
    /// The distinct keys, and per token the number of its key (-1 for none).
    var keyTable: KeyTable

    init(buffer: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer, output: TokenSink, makeKeys: Bool = true) {
        self.buffer = buffer
        self.tokenizer = tokenizer
        self.output = output
        self.makeKeys = makeKeys
        // Distinct words grow far slower than the text, about as its square root (a 5 KB letter has ~330,
        // 1 MB ~9,500): a table sized by the text would spread them over megabytes and miss the cache at
        // every lookup, one sized too small is rebuilt as it fills (once or twice per letter when it was a
        // 25th of the bytes). It grows when needed.
        keyTable = KeyTable(expectedCount: makeKeys ? min(Int(Double(buffer.count).squareRoot() * 6), 4_096) : 0)
    }

    var count: Int { buffer.count }

    func byte(_ position: Int) -> UInt8? { position < count ? buffer[position] : nil }

    mutating func run() {
        var flags: Token.Flags = [.spaceBefore, .lineStart, .paragraphStart]
        var newlines = 2
        let plainWords = icuBoundaries == nil
        while index < count, !output.overflowed {
            let lead = buffer[index]
            if lead == 0x20 {
                index += 1
                flags.insert(.spaceBefore)
                continue
            }
            if plainWords, (lead | 0x20) &- 0x61 < 26 {
                if appendPlainWords(flags: &flags) {
                    newlines = 0
                    continue
                }
            } else if plainWords, lead < 0x80, appendPlainMark(lead, flags: flags) {
                flags = []
                newlines = 0
                continue
            }
            let (value, length, kind) = buffer.character(at: index)
            switch kind {
            case .space, .ignorable:
                index += length
                flags.insert(.spaceBefore)
                continue
            case .newline:
                if value == 0x0D, byte(index + 1) == 0x0A { index += 1 }
                index += length
                newlines += 1
                flags.formUnion([.spaceBefore, .lineStart])
                if newlines >= 2 { flags.insert(.paragraphStart) }
                continue
            default:
                break
            }
            let start = index
            sawDictionaryScript = false
            let (end, tokenKind, joined) = scanToken(value: value, length: length, kind: kind)
            index = max(end, start + length)
            var tokenFlags = flags
            if joined { tokenFlags.insert(.joined) }
            if icuBoundaries == nil && !sawDictionaryScript && index - start <= Token.maximumLength {
                // The usual case: one token, no word breaks to look up.
                appendToken(start: start, end: index, kind: tokenKind, flags: tokenFlags)
                flags = []
                newlines = 0
                continue
            }
            var first = true
            for (number, run) in letterRunPieces(start..<index, kind: tokenKind).enumerated() {
                for piece in lengthPieces(run) {
                    appendToken(start: piece.lowerBound, end: piece.upperBound, kind: number == 0 ? tokenKind : .word,
                                flags: first ? tokenFlags : [])
                    first = false
                }
            }
            flags = []
            newlines = 0
        }
    }

    /// Splits a word where ICU finds a word boundary between two letters (only in scripts without
    /// spaces; ICU never breaks between two Latin letters).
    func letterRunPieces(_ range: Range<Int>, kind: TokenKind) -> [Range<Int>] {
        guard kind == .word || kind == .number || kind == .abbreviation else { return [range] }
        var boundaries: [Int]
        if let marks = icuBoundaries {
            boundaries = range.filter { marks[$0] }
        } else if sawDictionaryScript {
            boundaries = ICUWordBreaks.boundaries(in: buffer, range: range)
        } else {
            return [range]
        }
        boundaries = boundaries.filter { $0 > range.lowerBound && $0 < range.upperBound && isBetweenLetters($0) }
        guard !boundaries.isEmpty else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for boundary in boundaries {
            pieces.append(start..<boundary)
            start = boundary
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    /// Cuts a run of more than `Token.maximumLength` bytes (a pasted blob, never a word) at character
    /// starts, so that every token's length fits its 16 bits.
    func lengthPieces(_ range: Range<Int>) -> [Range<Int>] {
        guard range.count > Token.maximumLength else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > Token.maximumLength {
            var cut = start + Token.maximumLength
            while cut > start + 1, buffer[cut] & 0xC0 == 0x80 { cut -= 1 }
            pieces.append(start..<cut)
            start = cut
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    func isBetweenLetters(_ position: Int) -> Bool {
        var before = position - 1
        while before > 0, buffer[before] & 0xC0 == 0x80 { before -= 1 }
        return buffer.character(at: before).kind == .letter && buffer.character(at: position).kind == .letter
    }

    mutating func scanToken(value: UInt32, length: Int, kind: CharacterClass) -> (Int, TokenKind, Bool) {
        let start = index
        // The first bytes rule out placeholders and web addresses for nearly every token; tested here,
        // because calling those methods from this mutating one copies the scanner.
        let first = buffer[start], second = start + 1 < count ? buffer[start + 1] : 0
        if Self.mayStartPlaceholder(first), let end = placeholderEnd(at: start) { return (end, .placeholder, false) }
        if kind == .letter || kind == .digit {
            if Self.mayStartURL(first, second), let end = urlEnd(at: start) { return (end, .url, false) }
            let word = scanWord(from: start)
            // An address's local part is letters, digits and `._%+-`, and a word never takes in `@`: so
            // an address can only start here when the word ends at one of those (or was a web address).
            if word.1 == .url || byte(word.0).map({ Self.mayContinueAddress($0) }) == true,
               let end = emailEnd(at: start) {
                return (end, .email, false)
            }
            return word
        }
        switch kind {
        case .apostrophe:
            if let end = cliticEnd(at: start) { return (end, .word, false) }
            if value == UInt32(ascii: "'") || value == UInt32(ascii: "`"), byte(start + 1) == UInt8(truncatingIfNeeded: value) {
                return (start + 2, .punctuation, false)
            }
            return (start + length, .punctuation, false)
        default:
            if value == UInt32(ascii: ".") {
                var end = start
                while byte(end) == UInt8(ascii: ".") { end += 1 }
                return (end, .punctuation, false)
            }
            // `,,` and `''`: old Dutch typesetting of opening and closing quotes, one token each.
            if value == UInt32(ascii: ","), byte(start + 1) == UInt8(ascii: ",") { return (start + 2, .punctuation, false) }
            // `--`: a dash typed as two hyphens.
            if value == UInt32(ascii: "-"), byte(start + 1) == UInt8(ascii: "-"), byte(start + 2) != UInt8(ascii: "-") {
                return (start + 2, .punctuation, false)
            }
            return (start + length, Self.isSymbol(value) ? .symbol : .punctuation, false)
        }
    }

    static func isSymbol(_ value: UInt32) -> Bool {
        switch value {
        case 0x25, 0x26, 0x40, 0x23, 0x2B, 0x3D, 0x3C, 0x3E, 0x7C, 0x7E, 0x5E, 0x24, 0xA7, 0xB0: return true
        case 0..<0x80, 0x2012...0x2027: return false
        default: return isSymbolByProperties(value)
        }
    }

    /// Out of line for the reason given at `Characters.classifyByProperties`.
    @inline(never)
    static func isSymbolByProperties(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .currencySymbol, .mathSymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }

    // MARK: Words, numbers, abbreviations

    mutating func scanWord(from start: Int) -> (Int, TokenKind, Bool) {
        var position = start
        var hasLetter = false, hasDigit = false, dotted = false, joined = false
        var segmentStart = start
        var previous: CharacterClass = .space
        loop: while position < count {
            // Runs of ASCII letters are most of any Dutch text: take them without decoding.
            if buffer[position] | 0x20 >= 97 && buffer[position] | 0x20 <= 122 {
                repeat { position += 1 } while position < count && buffer[position] | 0x20 >= 97 && buffer[position] | 0x20 <= 122
                hasLetter = true
                previous = .letter
                continue
            }
            // A space, a line end or a mark like `;`, `!`, `)` after a word ends it: decided on the byte.
            if Self.endsWord(buffer[position]) { break loop }
            let (value, length, kind) = buffer.character(at: position)
            switch kind {
            case .letter:
                hasLetter = true
                if value >= 0x0E00, ICUWordBreaks.needsDictionary(value) { sawDictionaryScript = true }
                position += length
                previous = .letter
                continue
            case .digit:
                hasDigit = true
                position += length
                previous = .digit
                continue
            case .ignorable:
                position += length
                continue
            default:
                break
            }
            let next = position + length
            let (_, _, nextKind) = buffer.character(at: next)
            let nextIsAlphanumeric = nextKind == .letter || nextKind == .digit
            switch kind {
            case .apostrophe where previous == .letter && nextKind == .letter:
                position = next
                continue
            case .hyphen where previous == .letter || previous == .digit:
                if nextIsAlphanumeric {
                    position = next
                    previous = .hyphen
                    continue
                }
                if nextKind == .newline, previous == .letter, let resume = lineBreakContinuation(after: next) {
                    position = resume
                    joined = true
                    previous = .hyphen
                    continue
                }
                if nextKind == .space || nextKind == .newline || byte(next) == UInt8(ascii: ","), previous == .letter {
                    // `probleem- en krachtenanalyse`, `darm-, hart- en vaatziekten`: a hyphen glued to a
                    // word and followed by a space or comma belongs to that word (a dash between words
                    // stands free).
                    position = next
                }
                break loop
            default:
                break
            }
            switch value {
            case UInt32(ascii: ".") where nextIsAlphanumeric && hasLetter:
                if let end = domainEnd(from: start) { return (end, .url, false) }
                if nextKind == .letter, !hasDigit, position - segmentStart <= 3, dottedSegmentFollows(next) {
                    position = next
                    segmentStart = next
                    dotted = true
                    previous = .other
                    continue
                }
                break loop
            case UInt32(ascii: "."), UInt32(ascii: ","):
                if nextKind == .digit && previous == .digit && !hasLetter {
                    position = next
                    previous = .other
                    continue
                }
                break loop
            case UInt32(ascii: ":") where nextKind == .digit && previous == .digit:
                position = next
                previous = .other
                continue
            case UInt32(ascii: "/") where nextIsAlphanumeric && (previous == .letter || previous == .digit):
                position = next
                previous = .other
                continue
            case UInt32(ascii: "&") where nextKind == .letter && previous == .letter && hasUppercaseRun(start, position):
                position = next
                previous = .other
                continue
            case UInt32(ascii: "%") where previous == .digit && !hasLetter:
                position = next
                break loop
            default:
                break loop
            }
        }
        var end = position
        // A final dot belongs to dotted abbreviations, known abbreviations and initials.
        if byte(end) == UInt8(ascii: "."), byte(end + 1) != UInt8(ascii: "."), hasLetter {
            if dotted || isKnownDottedAbbreviation(start, end) || isInitial(start, end) {
                end += 1
                return (end, .abbreviation, joined)
            }
        }
        if dotted { return (end, .abbreviation, joined) }
        return (end, hasLetter ? .word : .number, joined)
    }

    /// `«`, `{{`, `<<`, `[`, `$` or `%` (see `placeholderEnd`).
    @inline(__always)
    static func mayStartPlaceholder(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0x7B || byte == 0x3C || byte == 0x5B || byte == 0x24 || byte == 0x25
    }

    /// `ht` or `ww` in any case (see `urlEnd`).
    @inline(__always)
    static func mayStartURL(_ first: UInt8, _ second: UInt8) -> Bool {
        first | 0x20 == 0x68 && second | 0x20 == 0x74 || first | 0x20 == 0x77 && second | 0x20 == 0x77
    }

    /// An ASCII byte that can only end a word: not a letter or digit, and none of the marks a word may
    /// go on after (`'` `` ` `` `-` `.` `,` `:` `/` `&` `%`).
    @inline(__always)
    static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27, 0x60, 0x2D, 0x2E, 0x2C, 0x3A, 0x2F, 0x26, 0x25: return false
        default: return byte < 0x80
        }
    }

    /// After `-\n`, the position where the word goes on, when it goes on in lowercase.
    func lineBreakContinuation(after newline: Int) -> Int? {
        var position = newline
        if byte(position) == 0x0D { position += 1 }
        if byte(position) == 0x0A { position += 1 }
        while let next = byte(position), next == 0x20 || next == 0x09 { position += 1 }
        let (value, _, kind) = buffer.character(at: position)
        return kind == .letter && Characters.isLowercase(value) ? position : nil
    }

    /// `z.s.m`: a short run of letters followed by another dot.
    func dottedSegmentFollows(_ position: Int) -> Bool {
        var position = position
        var letters = 0
        while position < count {
            let (_, length, kind) = buffer.character(at: position)
            guard kind == .letter else { break }
            letters += 1
            position += length
        }
        return letters >= 1 && letters <= 3 && byte(position) == UInt8(ascii: ".")
    }

    func hasUppercaseRun(_ start: Int, _ end: Int) -> Bool {
        var position = start
        while position < end {
            let (value, length) = buffer.scalar(at: position)
            if !Characters.isUppercase(value) { return false }
            position += length
        }
        return end > start
    }

    func isKnownDottedAbbreviation(_ start: Int, _ end: Int) -> Bool {
        // Asked at most sentence ends. Lowercasing keeps the length of ASCII: such a word longer than
        // the longest abbreviation (with its dot) cannot be one.
        if end - start >= tokenizer.longestDottedAbbreviation, !buffer[start..<end].contains(where: { $0 >= 0x80 }) {
            return false
        }
        let word = String(decoding: buffer[start..<end], as: UTF8.self).lowercased() + "."
        return tokenizer.dottedAbbreviations.contains(word)
    }

    /// A single uppercase letter: an initial (`J.`).
    func isInitial(_ start: Int, _ end: Int) -> Bool {
        let (value, length) = buffer.scalar(at: start)
        return start + length == end && Characters.isUppercase(value)
    }

    /// `'s`, `'t`, `'n`, `'k`, `'m`: a clitic with its apostrophe; `'s-Hertogenbosch` as one word.
    mutating func cliticEnd(at start: Int) -> Int? {
        let (_, apostropheLength, _) = buffer.character(at: start)
        let letterPosition = start + apostropheLength
        guard let letter = byte(letterPosition) else { return nil }
        // `'30`, `'80`: a year with its apostrophe.
        if letter >= 48, letter <= 57, let second = byte(letterPosition + 1), second >= 48, second <= 57 {
            let after = letterPosition + 2
            if after >= count || !(48...57).contains(buffer[after]) { return after }
        }
        switch letter | 0x20 {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "k"), UInt8(ascii: "m"): break
        default: return nil
        }
        let after = letterPosition + 1
        let (_, _, afterKind) = buffer.character(at: after)
        if afterKind == .letter || afterKind == .digit { return nil }
        if afterKind == .hyphen, case let (_, _, kind) = buffer.character(at: after + 1), kind == .letter {
            let (end, _, _) = scanWord(from: after + 1)
            return end
        }
        return after
    }

    // MARK: Token values

    mutating func appendToken(start: Int, end: Int, kind: TokenKind, flags: Token.Flags) {
        var flags = flags
        var number: Int32 = -1
        defer {
            output.append(Token(start: start, end: end, kind: kind, flags: flags), key: number)
        }
        if kind == .word || kind == .abbreviation, !flags.contains(.joined), isPlainASCII(start: start, end: end, flags: &flags) {
            if makeKeys { number = keyTable.index(ofLowercased: UnsafeBufferPointer(rebasing: buffer[start..<end])) }
            return
        }
        if kind == .word || kind == .abbreviation {
            var letters = 0, uppercase = 0, lowercase = 0
            var position = start
            var firstLetterSeen = false
            while position < end {
                let (value, length, charKind) = buffer.character(at: position)
                if charKind == .letter {
                    letters += 1
                    if Characters.isUppercase(value) {
                        uppercase += 1
                        if !firstLetterSeen { flags.insert(.capitalized) }
                    } else if Characters.isLowercase(value) {
                        lowercase += 1
                    }
                    firstLetterSeen = true
                }
                position += length
            }
            if uppercase >= 2 { flags.insert(lowercase == 0 ? [.allCaps, .severalCapitals] : .severalCapitals) }
            if makeKeys && flags.contains(.joined) {
                let key = TextFolding.key(buffer, start..<end, joined: true)
                if !key.isEmpty { number = keyTable.index(of: key) }
            } else if makeKeys {
                let buffer = buffer
                number = keyTable.index(ofRaw: UnsafeBufferPointer(rebasing: buffer[start..<end])) {
                    TextFolding.key(buffer, start..<end, joined: false)
                }
            }
        }
    }

    /// Is the token plain ASCII (no backquote)? Sets its capital flags on the way; anything else takes
    /// the general path.
    @inline(__always)
    func isPlainASCII(start: Int, end: Int, flags: inout Token.Flags) -> Bool {
        // Every byte of every word passes here: unchecked arithmetic keeps the loop to a few instructions.
        guard let base = buffer.baseAddress else { return true }
        var uppercase = 0, lowercase = 0
        var firstLetter: UInt8 = 0
        var position = start
        while position < end {
            let byte = base[position]
            if byte >= 0x80 || byte == UInt8(ascii: "`") { return false }
            if byte &- 65 < 26 {
                uppercase &+= 1
                if firstLetter == 0 { firstLetter = byte }
            } else if byte &- 97 < 26 {
                lowercase &+= 1
                if firstLetter == 0 { firstLetter = byte }
            }
            position &+= 1
        }
        if firstLetter >= 65 && firstLetter <= 90 { flags.insert(.capitalized) }
        if uppercase >= 2 { flags.insert(lowercase == 0 ? [.allCaps, .severalCapitals] : .severalCapitals) }
        return true
    }
}
