/// HTML: only the visible text, with entities decoded; script, style and comments are skipped. Block
/// elements end a paragraph. The offset map points every character back into the HTML file.
public struct HTMLReader: DocumentReader {
    public static let extensions = ["html", "htm", "xhtml"]
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "section", "article", "header", "footer", "blockquote", "title", "dt", "dd", "hr", "main", "nav",
        "aside", "figcaption", "pre", "address", "form", "fieldset", "legend", "caption", "body",
    ]
    static let hiddenElements: Set<String> = ["script", "style", "template", "noscript", "head", "svg", "math"]

    public init() {}

    public func read(_ bytes: [UInt8]) throws(InputError) -> SourceText {
        let decoded = try TextDecoder().decode(bytes)
        let source = decoded.utf8
        var text: [UInt8] = []
        text.reserveCapacity(source.count)
        var map = OffsetMap()
        var index = 0
        var copyStart = 0
        func flush(to end: Int) {
            guard end > copyStart else { return }
            text.append(contentsOf: source[copyStart..<end])
            map.append(derived: end - copyStart, source: end - copyStart)
        }
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "<"), index + 1 < source.count, source[index + 1] == UInt8(ascii: "<") {
                // `<<adres>>`: a template field written in the page, not a tag.
                index += 2
                continue
            }
            if byte == UInt8(ascii: "<"), index + 1 < source.count, Self.startsMarkup(source[index + 1]) {
                flush(to: index)
                let end = tagEnd(source, index)
                let name = tagName(source, index..<end)
                var skipTo = end
                if let name, Self.hiddenElements.contains(name.lowercased()), !isClosing(source, index), !isSelfClosing(source, end) {
                    skipTo = closingTagEnd(source, from: end, name: name.lowercased())
                }
                let isBlock = name.map { Self.blockElements.contains($0.lowercased()) } ?? false
                if isBlock {
                    let separator: [UInt8] = name?.lowercased() == "br" ? [0x0A] : [0x0A, 0x0A]
                    text.append(contentsOf: separator)
                    map.append(derived: separator.count, source: skipTo - index)
                } else {
                    map.skipSource(skipTo - index)
                }
                index = skipTo
                copyStart = index
                continue
            }
            if byte == UInt8(ascii: "&"), let (value, length) = HTMLEntities.decode(source, at: index) {
                flush(to: index)
                let encoded = Array(String(value).utf8)
                text.append(contentsOf: encoded)
                map.append(derived: encoded.count, source: length)
                index += length
                copyStart = index
                continue
            }
            index += 1
        }
        flush(to: source.count)
        guard text.contains(where: { $0 > 0x20 }) else {
            throw .invalidDocument("het bestand bevat geen zichtbare tekst")
        }
        return SourceText(text: text, map: map, decoded: decoded)
    }

    /// `<` starts a tag only before a letter, `/`, `!` or `?`; `leeftijd < 18` and `<<adres>>` are text.
    static func startsMarkup(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// The offset after a tag, comment, doctype or processing instruction starting at `start`.
    func tagEnd(_ source: [UInt8], _ start: Int) -> Int {
        if source[start...].starts(with: "<!--".utf8) {
            var index = start + 4
            while index + 3 <= source.count, !source[index...].starts(with: "-->".utf8) { index += 1 }
            return min(source.count, index + 3)
        }
        var index = start + 1
        var quote: UInt8 = 0
        while index < source.count {
            let byte = source[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return source.count
    }

    func tagName(_ source: [UInt8], _ range: Range<Int>) -> String? {
        var index = range.lowerBound + 1
        if index < range.upperBound, source[index] == UInt8(ascii: "/") { index += 1 }
        let start = index
        while index < range.upperBound, isNameByte(source[index]) { index += 1 }
        return index > start ? String(decoding: source[start..<index], as: UTF8.self) : nil
    }

    func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 58
    }

    func isClosing(_ source: [UInt8], _ start: Int) -> Bool {
        start + 1 < source.count && source[start + 1] == UInt8(ascii: "/")
    }

    func isSelfClosing(_ source: [UInt8], _ end: Int) -> Bool {
        end >= 2 && source[end - 2] == UInt8(ascii: "/")
    }

    /// The end of `</name>` after `from`, or the end of the file.
    func closingTagEnd(_ source: [UInt8], from: Int, name: String) -> Int {
        let needle = Array("</\(name)".utf8)
        var index = from
        while index + needle.count <= source.count {
            if source[index] == UInt8(ascii: "<"),
               zip(needle, source[index..<index + needle.count]).allSatisfy({ $0 == ($1 >= 65 && $1 <= 90 ? $1 + 32 : $1) }) {
                return tagEnd(source, index)
            }
            index += 1
        }
        return source.count
    }
}

/// Character references of HTML and XML. Only these are decoded; nothing is ever fetched or expanded.
enum HTMLEntities {
    static let named: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "eacute": "é",
        "egrave": "è", "euml": "ë", "ecirc": "ê", "iuml": "ï", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "aacute": "á", "agrave": "à", "oacute": "ó", "ccedil": "ç", "Eacute": "É", "euro": "€", "hellip": "…",
        "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "shy": "\u{AD}", "copy": "©", "reg": "®", "bull": "•", "middot": "·",
        "deg": "°", "sect": "§", "iacute": "í", "uacute": "ú", "Uuml": "Ü", "Ouml": "Ö", "Iuml": "Ï",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
    ]

    /// The character of a reference at `start` (`&amp;`, `&#233;`, `&#xE9;`) and its length in bytes.
    static func decode(_ source: [UInt8], at start: Int) -> (Character, Int)? {
        var end = start + 1
        while end < source.count, end - start <= 12, source[end] != UInt8(ascii: ";") {
            let byte = source[end]
            guard (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 35 else { return nil }
            end += 1
        }
        guard end < source.count, source[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let name = String(decoding: source[start + 1..<end], as: UTF8.self)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (Character(scalar), end + 1 - start)
        }
        guard let character = named[name] else { return nil }
        return (character, end + 1 - start)
    }
}
