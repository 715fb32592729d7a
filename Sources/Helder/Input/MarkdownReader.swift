import LexiconFormat

/// Markdown: prose is checked where it stands; front matter, code (fenced and inline), HTML comments,
/// autolinks and link targets are blanked out with spaces, so offsets stay those of the file.
public struct MarkdownReader: DocumentReader {
    public static let extensions = ["md", "markdown"]
    public init() {}

    public func read(_ bytes: [UInt8]) throws(InputError) -> SourceText {
        let decoded = try TextDecoder().decode(bytes)
        var text = decoded.utf8
        blankFrontMatter(&text)
        blankFencedCode(&text)
        blankInline(&text)
        guard text.contains(where: { $0 > 0x20 }) else {
            throw .invalidDocument("het bestand bevat geen tekst om te controleren")
        }
        return SourceText(text: text, map: .identity(length: text.count), decoded: decoded)
    }

    static func blank(_ text: inout [UInt8], _ range: Range<Int>) {
        for index in range where text[index] != 0x0A && text[index] != 0x0D { text[index] = 0x20 }
    }

    func lines(_ text: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, byte) in text.enumerated() where byte == 0x0A {
            result.append(start..<index)
            start = index + 1
        }
        result.append(start..<text.count)
        return result
    }

    func blankFrontMatter(_ text: inout [UInt8]) {
        let all = lines(text)
        guard let first = all.first, String(decoding: text[first], as: UTF8.self).trimmingWhitespace() == "---" else { return }
        for line in all.dropFirst() where ["---", "..."].contains(String(decoding: text[line], as: UTF8.self).trimmingWhitespace()) {
            Self.blank(&text, 0..<line.upperBound)
            return
        }
    }

    /// ``` or ~~~ fences; an unclosed fence runs to the end of the file, as in CommonMark.
    func blankFencedCode(_ text: inout [UInt8]) {
        var fence: (marker: UInt8, count: Int, start: Int)?
        for line in lines(text) {
            var index = line.lowerBound
            while index < line.upperBound, index - line.lowerBound < 4, text[index] == 0x20 { index += 1 }
            var count = 0
            let marker = index < line.upperBound ? text[index] : 0
            while index + count < line.upperBound, text[index + count] == marker, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") {
                count += 1
            }
            if let open = fence {
                if marker == open.marker, count >= open.count {
                    Self.blank(&text, open.start..<line.upperBound)
                    fence = nil
                }
            } else if count >= 3 {
                fence = (marker, count, line.lowerBound)
            }
        }
        if let open = fence { Self.blank(&text, open.start..<text.count) }
    }

    /// Inline code, HTML comments, autolinks and the `(target)` of links and images.
    func blankInline(_ text: inout [UInt8]) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "`") {
                var end = index + 1
                while end < text.count, text[end] != UInt8(ascii: "`"), text[end] != 0x0A { end += 1 }
                if end < text.count, text[end] == UInt8(ascii: "`") {
                    Self.blank(&text, index..<end + 1)
                    index = end + 1
                    continue
                }
            } else if byte == UInt8(ascii: "<"), text[index...].starts(with: "<!--".utf8) {
                var end = index + 4
                while end + 3 <= text.count, !text[end...].starts(with: "-->".utf8) { end += 1 }
                Self.blank(&text, index..<min(text.count, end + 3))
                index = end + 3
                continue
            } else if byte == UInt8(ascii: "<"), let end = autolinkEnd(text, index) {
                Self.blank(&text, index..<end)
                index = end
                continue
            } else if byte == UInt8(ascii: "]"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "(") {
                var end = index + 2
                var depth = 1
                while end < text.count, text[end] != 0x0A {
                    if text[end] == UInt8(ascii: "(") { depth += 1 }
                    if text[end] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
                    end += 1
                }
                if end < text.count, text[end] == UInt8(ascii: ")") {
                    Self.blank(&text, index..<end + 1)
                    index = end + 1
                    continue
                }
            }
            index += 1
        }
    }

    func autolinkEnd(_ text: [UInt8], _ start: Int) -> Int? {
        var end = start + 1
        while end < text.count, text[end] != UInt8(ascii: ">"), text[end] > 0x20, end - start < 2048 { end += 1 }
        guard end < text.count, text[end] == UInt8(ascii: ">") else { return nil }
        let inner = String(decoding: text[start + 1..<end], as: UTF8.self)
        return inner.contains("://") || (inner.contains("@") && !inner.contains(" ")) ? end + 1 : nil
    }
}
