/// What a token is. Rules use the kind to skip what is not prose (placeholders, URLs, numbers).
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    case word, number, punctuation, symbol, placeholder, url, email, abbreviation
}

/// One token: a span of the analyzed text that never contains whitespace (except a word joined over a
/// line-end hyphen, `ondertoezicht-\nstelling`). Plain data, no references: tokens are copied at every
/// step of every rule. A word's matching key lives in the document's key table (`TokenKeys`).
public struct Token: Sendable, Hashable {
    /// The start in 32 bits and the length in 16, so that a token takes 8 bytes instead of 24: a large
    /// document holds millions, written once and read by every rule, and each byte of them is memory
    /// the kernel must clear and the cache must hold. A text is checked whole only up to 4 GB (larger
    /// plain text is checked in parts, and `BatchChecker` refuses other texts that large); the tokenizer
    /// cuts a run of more than `maximumLength` bytes without a space into several tokens.
    private var offset: UInt32
    private var length: UInt16
    public var kind: TokenKind
    /// Layout around the token, for the sentence splitter and rules.
    public var flags: Flags

    /// The longest token: longer runs without a space (a pasted blob, never a word) come in pieces.
    public static let maximumLength = Int(UInt16.max)

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Whitespace (or the start of the text) comes before the token.
        public static let spaceBefore = Flags(rawValue: 1 << 0)
        /// The first token on its line.
        public static let lineStart = Flags(rawValue: 1 << 1)
        /// The first token after an empty line (or of the text).
        public static let paragraphStart = Flags(rawValue: 1 << 2)
        /// Starts with an uppercase letter.
        public static let capitalized = Flags(rawValue: 1 << 3)
        /// All letters uppercase, at least two of them.
        public static let allCaps = Flags(rawValue: 1 << 4)
        /// A word joined over a hyphen at a line end.
        public static let joined = Flags(rawValue: 1 << 5)
        /// At least two uppercase letters (`OTS`, `RvdK`, `ÉÉN`): what an acronym needs.
        public static let severalCapitals = Flags(rawValue: 1 << 6)
        /// Part of an entity (a date, an amount, …): set by `Analyzer.analyze`, never by the tokenizer.
        public static let inEntity = Flags(rawValue: 1 << 7)
    }

    /// `end - start` must be at most `maximumLength`.
    public init(start: Int, end: Int, kind: TokenKind, flags: Flags) {
        assert(end - start <= Self.maximumLength, "a token longer than Token.maximumLength")
        self.offset = UInt32(truncatingIfNeeded: start)
        self.length = UInt16(truncatingIfNeeded: end &- start)
        self.kind = kind
        self.flags = flags
    }

    public var start: Int { Int(offset) }
    public var end: Int { start &+ Int(length) }

    public var range: Range<Int> { start..<end }

    /// Is the token's text one of these marks? Compared on bytes: asked for many tokens, no String made.
    public func isOne(of marks: [[UInt8]], in text: [UInt8]) -> Bool {
        marks.contains { $0.count == end &- start && text[range].elementsEqual($0) }
    }
    public var isWordLike: Bool { kind == .word || kind == .abbreviation }
}

/// The matching keys of a document's tokens: case-folded, accents removed, typographic apostrophes as ',
/// soft hyphens and zero-width characters removed, a line-end hyphen joined; empty for punctuation and
/// symbols. Each distinct key is stored once and tokens refer to it by number.
public struct TokenKeys: Sendable {
    /// The distinct keys.
    public let keys: [String]
    /// For each token: the index of its key in `keys`, or -1 when it has no key.
    public let keyIndex: [Int32]
    /// For each key: its first two bytes (little-endian, zero past the end), for tests on how a key
    /// starts that read no String.
    let leadingPairs: [UInt16]

    public init(keys: [String], keyIndex: [Int32]) {
        self.init(keys: keys, keyIndex: keyIndex, leadingPairs: keys.map { key in
            var bytes = key.utf8.makeIterator()
            return UInt16(bytes.next() ?? 0) | UInt16(bytes.next() ?? 0) << 8
        })
    }

    init(keys: [String], keyIndex: [Int32], leadingPairs: [UInt16]) {
        self.keys = keys
        self.keyIndex = keyIndex
        self.leadingPairs = leadingPairs
    }

    /// The key of the token with this index ("" for none).
    @inline(__always)
    public subscript(token: Int) -> String {
        let number = keyIndex[token]
        return number >= 0 ? keys[Int(number)] : ""
    }
}

/// A multi-token unit rules should treat as one thing and never flag: a date, an amount, a phone number,
/// a time, an article reference.
public struct EntitySpan: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case date, amount, phone, time, articleReference = "article-reference", percentage, postcode
    }

    public var kind: Kind
    /// Indexes into the document's tokens.
    public var tokens: Range<Int>
}
