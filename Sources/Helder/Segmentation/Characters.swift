/// Character classes the tokenizer needs, on Unicode scalars decoded from UTF-8.
enum CharacterClass: Equatable {
    case space, newline, letter, digit, apostrophe, hyphen, ignorable, other
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The scalar at `index` and its UTF-8 length. Input is valid UTF-8 (the decoder guarantees it).
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = self[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0, index + 1 < count {
            return (UInt32(lead & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < count {
            return (UInt32(lead & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F), 3)
        }
        if index + 3 < count {
            return (UInt32(lead & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12
                    | UInt32(self[index + 2] & 0x3F) << 6 | UInt32(self[index + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The scalar at `index`, its UTF-8 length and its class; past the end, a space of length 0.
    @inline(__always)
    func character(at index: Int) -> (value: UInt32, length: Int, kind: CharacterClass) {
        guard index < count else { return (0, 0, .space) }
        let (value, length) = scalar(at: index)
        return (value, length, Characters.classify(value))
    }
}

enum Characters {
    @inline(__always)
    static func classify(_ value: UInt32) -> CharacterClass {
        if value < 0x80 { return classifyASCII(UInt8(value)) }
        switch value {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return .ignorable
        case 0x2018, 0x2019, 0xB4: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        // Superscript digits belong to their word: `km²`, `m³`.
        case 0xB2, 0xB3, 0xB9: return .digit
        case 0xFFFD: return .letter
        // Latin letters with accents (`é`, `ë`, `ç`, `ł`): the letters of Dutch text outside ASCII,
        // classified without a property lookup (a test checks the range against the properties).
        case 0xC0...0x24F where value != 0xD7 && value != 0xF7: return .letter
        // Dashes, typographic quotes, bullets and the ellipsis: punctuation, none of them a letter.
        case 0x2012...0x2027: return .other
        default: return classifyByProperties(value)
        }
    }

    /// Kept out of line: the stdlib's Unicode property types have no fixed size outside the stdlib, so
    /// every function they were inlined into would size its stack frame at run time on every call, fast
    /// path or not (about 60 instructions per token).
    @inline(never)
    static func classifyByProperties(_ value: UInt32) -> CharacterClass {
        guard let scalar = Unicode.Scalar(value) else { return .other }
        let properties = scalar.properties
        if properties.isAlphabetic { return .letter }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
        case .decimalNumber: return .digit
        default: return .other
        }
    }

    /// A switch rather than a lookup table: no lazy global to reach on every character.
    @inline(__always)
    static func classifyASCII(_ byte: UInt8) -> CharacterClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): .letter
        case 0x20, 0x09, 0x0B, 0x0C: .space
        case 0x0A, 0x0D: .newline
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "'"), UInt8(ascii: "`"): .apostrophe
        case UInt8(ascii: "-"): .hyphen
        default: .other
        }
    }

    /// ASCII and Latin-1 letters without a property lookup: capitals up to U+00DE, small letters from
    /// U+00DF (`×` and `÷` are neither).
    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 65 && value <= 90 }
        if value >= 0xC0, value <= 0xFF { return value <= 0xDE && value != 0xD7 }
        return isUppercaseByProperties(value)
    }

    @inline(__always)
    static func isLowercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 97 && value <= 122 }
        if value >= 0xC0, value <= 0xFF { return value >= 0xDF && value != 0xF7 }
        return isLowercaseByProperties(value)
    }

    @inline(never)
    static func isUppercaseByProperties(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    @inline(never)
    static func isLowercaseByProperties(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isLowercase ?? false
    }

    /// Top-level domains that make `word.tld` a web address rather than two words.
    static let topLevelDomains: Set<String> = [
        "nl", "be", "com", "org", "net", "eu", "info", "nu", "de", "io", "gov", "edu", "frl", "amsterdam",
    ]
}

extension UInt32 {
    /// The code point of an ASCII character, for readable comparisons with decoded scalars.
    init(ascii scalar: Unicode.Scalar) {
        self = scalar.value
    }
}
