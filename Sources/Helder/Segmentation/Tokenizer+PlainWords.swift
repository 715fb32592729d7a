/// The common token taken whole: a word of ASCII letters ended by a space, a line end, a mark that can
/// only end a word, or a sentence-end dot. Most tokens of Dutch prose are such words; the general scanner decodes, classifies
/// and re-reads every byte of them, this lane reads them as two machine words and hands the key table
/// their lowercased bytes at once. Anything it is not sure of goes to the general scanner, which gives
/// the same token (a test compares both on random text).
extension TokenScanner {
    /// Takes the plain word at `index` and those that follow it after a single space, staying in this
    /// loop instead of going back to the scanner's for every word. False (nothing done) when the first
    /// is not a plain word; else `flags` become those of the token after the last word taken.
    mutating func appendPlainWords(flags: inout Token.Flags) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        // The position and the sink live in locals while the loop runs (registers, not the scanner's
        // memory), and the word step has one call site, so that it is inlined.
        var position = index
        var sink = output
        defer {
            index = position
            output = sink
        }
        let count = self.count
        var wordFlags = flags
        var taken = false
        while true {
            guard appendPlainWord(at: &position, into: &sink, base: base, flags: wordFlags) else {
                // After a space the scanner goes on with the token this lane left.
                if taken { flags = .spaceBefore }
                return taken
            }
            taken = true
            guard position &+ 1 < count, base[position] == 0x20, (base[position &+ 1] | 0x20) &- 0x61 < 26 else {
                flags = []
                return true
            }
            position &+= 1
            wordFlags = .spaceBefore
        }
    }

    /// Takes the plain word at `index` and appends it; false (nothing done) when the token is anything
    /// else: longer than 15 letters, near the end of the text, followed by a mark that may continue it
    /// (`-`, `'`, `/`, `&`, `@`, a digit, a non-ASCII letter, a dot of an abbreviation or address, …) or
    /// possibly a web address.
    @inline(__always)
    mutating func appendPlainWord(at index: inout Int, into output: inout TokenSink, base: UnsafePointer<UInt8>,
                                  flags: Token.Flags) -> Bool {
        let start = index
        guard start &+ 16 <= count else { return false }
        let raw = UnsafeRawPointer(base + start)
        let high: UInt64 = 0x8080_8080_8080_8080
        let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let firstLetters = Self.asciiLetters(first)
        var second: UInt64 = 0, secondLetters: UInt64 = 0
        let length: Int
        if firstLetters != high {
            length = (~firstLetters & high).trailingZeroBitCount &>> 3
        } else {
            second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            secondLetters = Self.asciiLetters(second)
            guard secondLetters != high else { return false }
            length = 8 &+ (~secondLetters & high).trailingZeroBitCount &>> 3
        }
        guard length > 0 else { return false }
        // A web address starts `http:`, `https:` or `www.`: only a word ended by `:` or `.` may be one.
        let end = base[start &+ length]
        if end == UInt8(ascii: ":") || end == UInt8(ascii: "."), Self.mayStartURL(base[start], base[start &+ 1]) { return false }
        let firstMask: UInt64 = length >= 8 ? ~0 : (1 &<< (8 &* UInt64(length))) &- 1
        let secondMask: UInt64 = length <= 8 ? 0 : (1 &<< (8 &* UInt64(length &- 8))) &- 1
        let lowered: UInt64 = 0x2020_2020_2020_2020
        let firstLowered = (first | lowered) & firstMask, secondLowered = (second | lowered) & secondMask
        if !Self.endsPlainWord(end) {
            // A sentence end, `word.` and then a space, a line end or a closing mark: the dot stands
            // alone unless the word is an initial or a dotted abbreviation (`bijv.`).
            guard end == UInt8(ascii: "."), start &+ length &+ 1 < count,
                  Self.endsWordAfterDot(base[start &+ length &+ 1]), length > 1 || base[start] >= 0x61,
                  !tokenizer.isPlainDottedAbbreviation(firstLowered, secondLowered) else { return false }
        }
        var tokenFlags = flags
        // A letter is a capital when its 0x20 bit is clear; shifted by two, that bit lands on the mask's.
        let firstCapitals = firstLetters & ~(first &<< 2) & firstMask
        let secondCapitals = secondLetters & ~(second &<< 2) & secondMask
        // Nine words in ten have no capital at all: one test for those.
        if firstCapitals | secondCapitals != 0 {
            if firstCapitals & 0x80 != 0 { tokenFlags.insert(.capitalized) }
            if firstCapitals & (firstCapitals &- 1) != 0 || secondCapitals & (secondCapitals &- 1) != 0
                || firstCapitals != 0 && secondCapitals != 0 {
                tokenFlags.insert(.severalCapitals)
                if firstLetters & (first &<< 2) & firstMask == 0, secondLetters & (second &<< 2) & secondMask == 0 {
                    tokenFlags.insert(.allCaps)
                }
            }
        }
        let key = makeKeys ? keyTable.index(lowercasedWords: firstLowered, secondLowered,
                                             of: UnsafeBufferPointer(start: base + start, count: length)) : -1
        output.append(Token(start: start, end: start &+ length, kind: .word, flags: tokenFlags), key: key)
        index = start &+ length
        return true
    }

    /// Takes a one-byte ASCII mark at `index` (`,` `;` `(` `)` `!` `?` `"` `.` …) and appends it; false
    /// for what the general scanner treats on its own: placeholder openers, `,,`, `..`, hyphens,
    /// apostrophes, letters, digits and spaces.
    @inline(__always)
    mutating func appendPlainMark(_ byte: UInt8, flags: Token.Flags) -> Bool {
        let start = index
        guard Characters.classifyASCII(byte) == .other, !Self.mayStartPlaceholder(byte) else { return false }
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
            guard start &+ 1 < count, buffer[start &+ 1] != byte else { return false }
        }
        output.append(Token(start: start, end: start &+ 1, kind: Self.isSymbol(UInt32(byte)) ? .symbol : .punctuation, flags: flags), key: -1)
        index = start &+ 1
        return true
    }

    /// A byte after `word.` that leaves the dot on its own: not a letter or digit, not another dot, not
    /// something an e-mail address goes on with; ASCII (an ignorable character could hide a letter).
    @inline(__always)
    static func endsWordAfterDot(_ byte: UInt8) -> Bool {
        byte < 0x80 && !isEmailLocal(byte) && byte != UInt8(ascii: "@")
    }

    /// 0x80 in each byte of `word` that is an ASCII letter, 0 elsewhere.
    @inline(__always)
    static func asciiLetters(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        // Seven bits with 0x20 set: a letter is then 0x61...0x7A. No byte carries into the next.
        let folded = (word | 0x2020_2020_2020_2020) & ~high
        let fromA = folded &+ 0x1F1F_1F1F_1F1F_1F1F
        let pastZ = folded &+ 0x0505_0505_0505_0505
        return fromA & ~pastZ & ~word & high
    }

    /// A byte after a run of letters that ends the word for the general scanner too: one that
    /// `endsWord`, except those an e-mail address may go on with, and `,` and `:` (which go on only
    /// after digits).
    @inline(__always)
    static func endsPlainWord(_ byte: UInt8) -> Bool {
        // One bit per ASCII byte (a test checks all 256 against that description): a shift, not a switch.
        let bits: UInt64 = byte < 64 ? 0xFC00_171F_FFFF_FFFF : 0xF800_0000_7800_0000
        return byte < 0x80 && (bits &>> UInt64(byte & 63)) & 1 != 0
    }
}

/// Up to fifteen lowercase ASCII letters as two little-endian words, bytes past the word zero: how the
/// plain-word lane holds a word, and so how it looks up dotted abbreviations.
struct PlainWordKey: Comparable, Sendable {
    let first: UInt64
    let second: UInt64

    init(first: UInt64, second: UInt64) {
        self.first = first
        self.second = second
    }

    /// The key of a dotted abbreviation made of ASCII lowercase letters and one final dot; nil for any other.
    init?(dotted: String) {
        let letters = Array(dotted.utf8.dropLast())
        guard dotted.utf8.last == UInt8(ascii: "."), !letters.isEmpty, letters.count <= 15,
              letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        var words: [UInt64] = [0, 0]
        for (offset, letter) in letters.enumerated() { words[offset / 8] |= UInt64(letter) << (8 * UInt64(offset % 8)) }
        self.init(first: words[0], second: words[1])
    }

    static func < (a: PlainWordKey, b: PlainWordKey) -> Bool {
        a.first != b.first ? a.first < b.first : a.second < b.second
    }
}
