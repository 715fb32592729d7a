import LexiconFormat

/// A document after segmentation: tokens, sentences and entities, computed once and read by every rule
/// (shared by reference, never changed).
public final class AnalyzedDocument: Sendable {
    public let source: SourceText
    public let tokens: [Token]
    /// Sentences as ranges of token indexes.
    public let sentences: [Range<Int>]
    public let entities: [EntitySpan]
    /// How many tokens are words.
    public let wordCount: Int
    /// The tokens' keys. Words repeat (Zipf), so rules work out what a key means once per distinct key,
    /// in a table indexed like `keys`, and then only read that table per token.
    public let tokenKeys: TokenKeys
    /// The `KeyMap.hash` of each key, for looking keys up in shared tables without hashing them again.
    let keyHashes: [UInt32]

    /// The distinct keys of the document's tokens.
    public var keys: [String] { tokenKeys.keys }
    /// For each token: the index of its key in `keys`, or -1 when it has no key (punctuation, symbols).
    public var keyIndex: [Int32] { tokenKeys.keyIndex }

    init(source: SourceText, tokens: [Token], keys: TokenKeys, keyHashes: [UInt32], sentences: [Range<Int>],
         entities: [EntitySpan], wordCount: Int) {
        self.source = source
        self.tokens = tokens
        self.sentences = sentences
        self.entities = entities
        self.wordCount = wordCount
        self.tokenKeys = keys
        self.keyHashes = keyHashes
    }

    public func text(of token: Token) -> String { source.string(token.range) }

    /// Is there a token at `index`, and is its text one of these marks (`Token.isOne(of:in:)`)?
    func token(_ index: Int, isOneOf marks: [[UInt8]]) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isOne(of: marks, in: source.text)
    }

    /// The index of the sentence holding a token (0 when none does). A search, not a table: only
    /// findings ask, and a table would cost eight bytes for each of a large file's millions of tokens.
    public func sentence(ofToken token: Int) -> Int {
        var low = 0, high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound <= token { low = middle + 1 } else { high = middle }
        }
        return low < sentences.count && sentences[low].contains(token) ? low : 0
    }

    /// The key of the token with this index ("" for punctuation and symbols).
    @inline(__always)
    public func key(_ token: Int) -> String { tokenKeys[token] }
}

/// Runs tokenizer, sentence splitter and entity recognizer over a source text.
public struct Analyzer: Sendable {
    public let tokenizer: Tokenizer
    public let splitter: SentenceSplitter
    public let recognizer = EntityRecognizer()

    public init(tokenizer: Tokenizer, splitter: SentenceSplitter) {
        self.tokenizer = tokenizer
        self.splitter = splitter
    }

    /// The analyzer with Helder's own abbreviation knowledge from `Lexicons/`.
    public init(lexicons: LexiconSet) {
        var dotted = lexicons.nonFinalAbbreviations
        var known = lexicons.knownAcronyms
        for entry in lexicons.entries where entry.category == .abbreviation {
            for form in entry.forms {
                known.insert(form)
                if form.utf8.last == UInt8(ascii: ".") { dotted.insert(form) }
            }
        }
        self.init(tokenizer: Tokenizer(dottedAbbreviations: dotted, knownAbbreviations: known),
                  splitter: SentenceSplitter())
    }

    /// Tokens and sentences only (what `helder tokenize --format tsv` prints), without keys, entities
    /// and the per-token tables rules need.
    public func segment(_ text: [UInt8]) -> (tokens: [Token], sentences: [Range<Int>]) {
        let tokens = tokenizer.tokenize(text)
        return (tokens, splitter.split(tokens, in: text))
    }

    public func analyze(_ source: SourceText) -> AnalyzedDocument {
        var (tokens, keys, keyHashes, wordCount) = tokenizer.tokenizeNumberingKeys(source.text)
        let sentences = splitter.split(tokens, in: source.text)
        let entities = recognizer.entities(in: tokens, keys: keys, text: source.text)
        // Marked on the tokens themselves (entities are few): a table beside them would be another
        // byte per token to clear and to read.
        for entity in entities {
            for index in entity.tokens { tokens[index].flags.insert(.inEntity) }
        }
        return AnalyzedDocument(source: source, tokens: tokens, keys: keys, keyHashes: keyHashes,
                                sentences: sentences, entities: entities,
                                wordCount: wordCount)
    }
}
