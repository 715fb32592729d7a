/// Template placeholders, web and e-mail addresses: tokens the scanner recognizes whole, before it
/// looks for words.
extension TokenScanner {
    func placeholderEnd(at start: Int) -> Int? {
        guard let first = byte(start) else { return nil }
        switch first {
        case 0xC2 where byte(start + 1) == 0xAB: // «Naam ouder»; « Titel » with inner spaces is a quotation
            return closing([0xC2, 0xBB], from: start + 2, limit: 80).flatMap { end in
                guard end > start + 2, byte(start + 2) != 0x20, byte(end - 1) != 0x20 else { return nil }
                return end + 2
            }
        case UInt8(ascii: "{") where byte(start + 1) == UInt8(ascii: "{"):
            return closing(Array("}}".utf8), from: start + 2, limit: 80).map { $0 + 2 }
        case UInt8(ascii: "<") where byte(start + 1) == UInt8(ascii: "<"):
            return closing(Array(">>".utf8), from: start + 2, limit: 80).flatMap { end in
                isFieldName(start + 2, end, allowSpaces: true) ? end + 2 : nil
            }
        case UInt8(ascii: "["):
            guard let end = closing(Array("]".utf8), from: start + 1, limit: 60), end > start + 1,
                  byte(end + 1) != UInt8(ascii: "(") else { return nil }
            let content = String(decoding: buffer[start + 1..<end], as: UTF8.self)
            guard !tokenizer.knownAbbreviations.contains(content), isBracketField(start + 1, end) else { return nil }
            return end + 1
        case UInt8(ascii: "$"), UInt8(ascii: "%"):
            guard let end = closing([first], from: start + 1, limit: 40), isFieldName(start + 1, end, allowSpaces: false),
                  let lead = byte(start + 1), lead == UInt8(ascii: "_") || Characters.classify(UInt32(lead)) == .letter
            else { return nil }
            return end + 1
        default:
            return nil
        }
    }

    /// The offset of `terminator` after `from`, on the same line and within `limit` bytes.
    func closing(_ terminator: [UInt8], from: Int, limit: Int) -> Int? {
        var position = from
        let end = min(count, from + limit)
        while position + terminator.count <= end {
            let byte = buffer[position]
            if byte == 0x0A || byte == 0x0D { return nil }
            if byte == terminator[0], terminator.count == 1 || buffer[position + 1] == terminator[1] { return position }
            position += 1
        }
        return nil
    }

    /// Letters, digits, `_`, `-`, `.` (and spaces where allowed): a template field name.
    func isFieldName(_ start: Int, _ end: Int, allowSpaces: Bool) -> Bool {
        guard end > start else { return false }
        var position = start
        while position < end {
            let (value, length, kind) = buffer.character(at: position)
            switch kind {
            case .letter, .digit, .hyphen: break
            case .space where allowSpaces: break
            default:
                if value != UInt32(ascii: "_") && value != UInt32(ascii: ".") { return false }
            }
            position += length
        }
        return true
    }

    /// `[NAAM KIND]`, `[datum]`, `[Naam ouder]`: a field name of at most four words, not a remark.
    func isBracketField(_ start: Int, _ end: Int) -> Bool {
        guard isFieldName(start, end, allowSpaces: true) else { return false }
        let content = String(decoding: buffer[start..<end], as: UTF8.self)
        let words = content.split(separator: " ")
        guard !words.isEmpty, words.count <= 4, content.contains(where: \.isLetter) else { return false }
        if content.contains("_") || words.count == 1 { return true }
        let letters = content.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.allSatisfy({ $0.properties.isUppercase }) { return true }
        return words.first.map { $0.first?.isUppercase ?? false } ?? false
    }

    func urlEnd(at start: Int) -> Int? {
        // Cheap test first: every address this accepts starts with `ht` or `ww` (many Dutch words start
        // with h or w).
        guard let first = byte(start), let second = byte(start + 1), Self.mayStartURL(first, second) else { return nil }
        func startsWith(_ prefix: StaticString) -> Bool {
            guard start + prefix.utf8CodeUnitCount <= count else { return false }
            return (0..<prefix.utf8CodeUnitCount).allSatisfy { offset in
                let byte = buffer[start + offset]
                return (byte >= 65 && byte <= 90 ? byte + 32 : byte) == prefix.utf8Start[offset]
            }
        }
        guard startsWith("https://") || startsWith("http://") || startsWith("www.") else { return nil }
        var position = start
        while position < count {
            let (value, length, kind) = buffer.character(at: position)
            if kind == .space || kind == .newline { break }
            if value == UInt32(ascii: "<") || value == UInt32(ascii: ">") || value == UInt32(ascii: "\"") || value == 0xAB || value == 0xBB { break }
            position += length
        }
        return trimURLTail(start, position)
    }

    func trimURLTail(_ start: Int, _ end: Int) -> Int? {
        var end = end
        let content = buffer[start..<end]
        let opens = content.filter { $0 == UInt8(ascii: "(") }.count
        while end > start, let last = byte(end - 1) {
            if ".,;:!?'\"".utf8.contains(last) { end -= 1; continue }
            if last == UInt8(ascii: ")") && opens == 0 { end -= 1; continue }
            break
        }
        return end > start + 4 ? end : nil
    }

    /// `naam@organisatie.nl`, also with dots in the name part.
    func emailEnd(at start: Int) -> Int? {
        var position = start
        let limit = min(count, start + 64)
        while position < limit, let byte = byte(position), Self.isEmailLocal(byte) { position += 1 }
        guard byte(position) == UInt8(ascii: "@"), position > start else { return nil }
        position += 1
        let domainStart = position
        var dots = 0
        while let byte = byte(position), Self.isEmailDomain(byte) {
            if byte == UInt8(ascii: ".") { dots += 1 }
            position += 1
        }
        while position > domainStart, byte(position - 1) == UInt8(ascii: ".") || byte(position - 1) == UInt8(ascii: "-") {
            position -= 1
            dots -= byte(position) == UInt8(ascii: ".") ? 1 : 0
        }
        return dots >= 1 && position > domainStart + 2 ? position : nil
    }

    static func mayContinueAddress(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "@") || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B || byte == 0x2D
    }

    static func isEmailLocal(_ byte: UInt8) -> Bool {
        switch byte {
        case 97...122, 65...90, 48...57, 0x2E, 0x5F, 0x25, 0x2B, 0x2D: true
        default: false
        }
    }

    static func isEmailDomain(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 46 || byte == 45
    }

    /// `veiligthuis.nl`, `gemeente-utrecht.nl/jeugd`: a host name ending in a known top-level domain.
    func domainEnd(from start: Int) -> Int? {
        var position = start
        var parts: [Range<Int>] = []
        var partStart = start
        while let byte = byte(position), Self.isEmailDomain(byte) {
            if byte == UInt8(ascii: ".") {
                parts.append(partStart..<position)
                partStart = position + 1
            }
            position += 1
        }
        parts.append(partStart..<position)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }), let last = parts.last else { return nil }
        let tld = String(decoding: buffer[last], as: UTF8.self).lowercased()
        guard Characters.topLevelDomains.contains(tld) else { return nil }
        if byte(position) == UInt8(ascii: "/") {
            while position < count {
                let (value, length, kind) = buffer.character(at: position)
                if kind == .space || kind == .newline || value == UInt32(ascii: "<") || value == UInt32(ascii: ">") { break }
                position += length
            }
            return trimURLTail(start, position)
        }
        return position
    }
}
