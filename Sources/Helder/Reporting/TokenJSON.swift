/// `helder tokenize --format json`: sentences of tokens with code-point and byte offsets, kinds and
/// entity spans. Written straight into bytes, handed on every 64 KB: the JSON is some 35 times the size
/// of the text, so neither a tree of values nor one string of it is ever built.
public enum TokenJSON {
    public static func render(_ document: AnalyzedDocument, counter: CodePointCounter) -> String {
        var output = ""
        write(document, counter: counter, to: &output)
        return output
    }

    /// The same layout as `JSONValue.rendered(indent: 2)` of `{"sentences": [{"tokens": [{…}]}],
    /// "entities": [{…}]}`.
    public static func write(_ document: AnalyzedDocument, counter: CodePointCounter, to output: inout some ReportOutput) {
        var buffer = JSONBytes.forPieces()
        buffer.append("{\n  \"sentences\": ")
        if document.sentences.isEmpty { buffer.append("[]") }
        for (number, sentence) in document.sentences.enumerated() {
            buffer.append(number == 0 ? "[\n    {\n      \"tokens\": " : ",\n    {\n      \"tokens\": ")
            if sentence.isEmpty { buffer.append("[]") }
            for index in sentence {
                let token = document.tokens[index]
                let fileRange = document.source.fileRange(token.range)
                buffer.append(index == sentence.lowerBound ? "[\n        {\n          \"start\": " : ",\n        {\n          \"start\": ")
                buffer.append(counter.count(upTo: token.start))
                buffer.append(",\n          \"end\": ")
                buffer.append(counter.count(upTo: token.end))
                buffer.append(",\n          \"offset\": ")
                buffer.append(fileRange.lowerBound)
                buffer.append(",\n          \"length\": ")
                buffer.append(fileRange.count)
                buffer.append(",\n          \"text\": ")
                buffer.appendQuoted(document.text(of: token))
                buffer.append(",\n          \"kind\": ")
                buffer.appendQuoted(token.kind.rawValue)
                buffer.append(",\n          \"key\": ")
                buffer.appendQuoted(document.key(index))
                buffer.append("\n        }")
                buffer.handOnPiece(to: &output)
            }
            if !sentence.isEmpty { buffer.append("\n      ]") }
            buffer.append("\n    }")
        }
        if !document.sentences.isEmpty { buffer.append("\n  ]") }
        buffer.append(",\n  \"entities\": ")
        if document.entities.isEmpty { buffer.append("[]") }
        for (number, entity) in document.entities.enumerated() {
            let first = document.tokens[entity.tokens.lowerBound]
            let last = document.tokens[entity.tokens.upperBound - 1]
            buffer.append(number == 0 ? "[\n    {\n      \"kind\": " : ",\n    {\n      \"kind\": ")
            buffer.appendQuoted(entity.kind.rawValue)
            buffer.append(",\n      \"firstToken\": ")
            buffer.append(entity.tokens.lowerBound)
            buffer.append(",\n      \"lastToken\": ")
            buffer.append(entity.tokens.upperBound - 1)
            buffer.append(",\n      \"text\": ")
            buffer.appendQuoted(document.source.string(first.start..<last.end))
            buffer.append("\n    }")
        }
        if !document.entities.isEmpty { buffer.append("\n  ]") }
        buffer.append("\n}\n")
        buffer.write(to: &output)
    }
}
