/// Counts Unicode code points before byte offsets, for offsets asked in increasing order (it restarts
/// from the beginning when asked for an earlier one).
public final class CodePointCounter {
    let text: [UInt8]
    var byte = 0
    var count = 0

    public init(_ text: [UInt8]) {
        self.text = text
    }

    public func count(upTo offset: Int) -> Int {
        if offset < byte { byte = 0; count = 0 }
        let end = min(offset, text.count)
        while byte < end {
            if text[byte] & 0xC0 != 0x80 { count += 1 }
            byte += 1
        }
        return count
    }
}

/// `helder tokenize --format json`: sentences of tokens with code-point and byte offsets, kinds and
/// entity spans.
public enum TokenJSON {
    public static func render(_ document: AnalyzedDocument, counter: CodePointCounter) -> String {
        var sentences: [JSONValue] = []
        for sentence in document.sentences {
            let tokens: [JSONValue] = sentence.map { index in
                let token = document.tokens[index]
                let fileRange = document.source.fileRange(token.range)
                return .object([
                    ("start", .int(counter.count(upTo: token.start))),
                    ("end", .int(counter.count(upTo: token.end))),
                    ("offset", .int(fileRange.lowerBound)),
                    ("length", .int(fileRange.count)),
                    ("text", .string(document.text(of: token))),
                    ("kind", .string(token.kind.rawValue)),
                    ("key", .string(token.key)),
                ])
            }
            sentences.append(.object([("tokens", .array(tokens))]))
        }
        let entities: [JSONValue] = document.entities.map { entity in
            let first = document.tokens[entity.tokens.lowerBound]
            let last = document.tokens[entity.tokens.upperBound - 1]
            return .object([
                ("kind", .string(entity.kind.rawValue)),
                ("firstToken", .int(entity.tokens.lowerBound)),
                ("lastToken", .int(entity.tokens.upperBound - 1)),
                ("text", .string(document.source.string(first.start..<last.end))),
            ])
        }
        return JSONValue.object([("sentences", .array(sentences)), ("entities", .array(entities))]).rendered(indent: 2) + "\n"
    }
}
