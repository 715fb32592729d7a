/// A minimal, non-validating XML scanner for document parts. It never resolves DTDs or external
/// entities: a DOCTYPE is skipped, only the five predefined entities and character references decode.
struct XMLScanner {
    enum Event {
        case start(name: String, selfClosing: Bool)
        case end(name: String)
        case text([UInt8])
    }

    let bytes: [UInt8]

    /// Calls `body` for every element start, end and text run, in document order.
    func scan(_ body: (Event) -> Void) {
        var index = 0
        var textStart = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if index > textStart { body(.text(decodeText(textStart..<index))) }
            let end = markupEnd(index)
            let inner = bytes[(index + 1)..<max(index + 1, end - 1)]
            if let first = inner.first, first != UInt8(ascii: "!"), first != UInt8(ascii: "?") {
                if first == UInt8(ascii: "/") {
                    body(.end(name: name(in: inner.dropFirst())))
                } else {
                    body(.start(name: name(in: inner), selfClosing: inner.last == UInt8(ascii: "/")))
                }
            } else if inner.starts(with: "![CDATA[".utf8), end - index > 12 {
                body(.text(Array(bytes[(index + 9)..<(end - 3)])))
            }
            index = end
            textStart = index
        }
        if textStart < bytes.count { body(.text(decodeText(textStart..<bytes.count))) }
    }

    /// The end of markup starting at `start`: comments, CDATA, DOCTYPE (with an internal subset) and tags.
    func markupEnd(_ start: Int) -> Int {
        func find(_ terminator: String, from: Int) -> Int {
            let needle = Array(terminator.utf8)
            var index = from
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index + needle.count }
                index += 1
            }
            return bytes.count
        }
        let rest = bytes[start...]
        if rest.starts(with: "<!--".utf8) { return find("-->", from: start + 4) }
        if rest.starts(with: "<![CDATA[".utf8) { return find("]]>", from: start + 9) }
        var index = start + 1
        var quote: UInt8 = 0
        var bracketDepth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                bracketDepth += 1
            } else if byte == UInt8(ascii: "]") {
                bracketDepth = max(0, bracketDepth - 1)
            } else if byte == UInt8(ascii: ">"), bracketDepth == 0 {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    func name(in inner: ArraySlice<UInt8>) -> String {
        var end = inner.startIndex
        while end < inner.endIndex, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(inner[end]) { end += 1 }
        return String(decoding: inner[inner.startIndex..<end], as: UTF8.self)
    }

    func decodeText(_ range: Range<Int>) -> [UInt8] {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return Array(bytes[range]) }
        var output: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "&"), let (character, length) = HTMLEntities.decode(bytes, at: index),
               length <= range.upperBound - index {
                output.append(contentsOf: String(character).utf8)
                index += length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
