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
                    ("key", .string(document.key(index))),
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
