/// Finds multi-token units that rules must leave alone: dates (`12 maart 2026`, `12-03-2026`), amounts
/// (`€ 1.250,00`), phone numbers (`088 - 123 45 67`), times (`10.00 uur`, `9:30`), percentages,
/// postcodes (`3501 DE`) and article references (`art. 1:263 BW`).
public struct EntityRecognizer: Sendable {
    static let months: Set<String> = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december", "jan.", "feb.", "mrt.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.",
        "nov.", "dec.",
    ]
    static let articleWords: Set<String> = ["art.", "artikel", "artikelen", "lid", "sub"]
    static let lawCodes: Set<String> = ["BW", "Sr", "Sv", "Awb", "Jw", "Wmo", "Rv", "WvSr", "WvSv", "AVG", "Jeugdwet", "Grondwet"]

    public init() {}

    public func entities(in tokens: [Token], keys: TokenKeys, text: [UInt8]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        func value(_ i: Int) -> String { String(decoding: text[tokens[i].start..<tokens[i].end], as: UTF8.self) }
        func isNumber(_ i: Int) -> Bool { i < tokens.count && tokens[i].kind == .number }
        // Only numbers, currency signs and words starting with "ar" (art., artikel) can start an entity:
        // those are found first, in one pass over the tokens. A word is looked at closer (its first bytes)
        // only when its key starts with "ar", which the key's first two bytes tell without the text.
        var starts: [Int] = []
        text.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                keys.keyIndex.withUnsafeBufferPointer { keyIndex in
                    keys.leadingPairs.withUnsafeBufferPointer { leadingPairs in
                        // The key first: most tokens are words, decided by it without reading the token
                        // (numbers and symbols have no key).
                        for index in tokens.indices {
                            let key = Int(keyIndex[index])
                            if key >= 0 {
                                if leadingPairs[key] == Self.ar, Self.mayStartEntity(tokens[index], bytes) { starts.append(index) }
                            } else if tokens[index].kind == .number || tokens[index].kind == .symbol {
                                starts.append(index)
                            }
                        }
                    }
                }
            }
        }
        // The first token after the last entity found: an entity never starts inside another.
        var next = 0
        for index in starts where index >= next {
            let token = tokens[index]
            // Article references: art. 1:263 BW, artikel 7.3 lid 2 Jeugdwet (a word: most starts are
            // numbers, whose keys need no hashing to know that).
            if token.kind != .number, token.kind != .symbol, isNumber(index + 1), Self.startsArticleReference(keys[index]) {
                var end = index + 2
                while end < tokens.count {
                    if Self.articleWords.contains(keys[end]) || isNumber(end) || Self.lawCodes.contains(value(end)) {
                        end += 1
                    } else if tokens[end].kind == .word, keys[end].count <= 2, isNumber(end + 1) {
                        end += 1
                    } else {
                        break
                    }
                }
                spans.append(EntitySpan(kind: .articleReference, tokens: index..<end))
                next = end
                continue
            }
            // Amounts: € 1.250,00 / €1.250 / 1.250 euro
            if token.kind == .symbol, value(index) == "€" || value(index) == "$", isNumber(index + 1) {
                var end = index + 2
                if end + 1 < tokens.count, value(end) == ",", value(end + 1) == "-" { end += 2 }
                spans.append(EntitySpan(kind: .amount, tokens: index..<end))
                next = end
                continue
            }
            if token.kind == .number {
                // Postcodes: four digits and two capitals, `3501 DE`.
                if token.end - token.start == 4, value(index).utf8.first != UInt8(ascii: "0"), index + 1 < tokens.count,
                   tokens[index + 1].kind == .word, tokens[index + 1].end - tokens[index + 1].start == 2,
                   tokens[index + 1].flags.contains(.allCaps) {
                    spans.append(EntitySpan(kind: .postcode, tokens: index..<index + 2))
                    next = index + 2
                    continue
                }
                // Dates: 12 maart 2026
                if index + 1 < tokens.count, tokens[index + 1].isWordLike, Self.mayBeMonth(index + 1, keys),
                   Self.months.contains(keys[index + 1]) {
                    let end = isNumber(index + 2) ? index + 3 : index + 2
                    spans.append(EntitySpan(kind: .date, tokens: index..<end))
                    next = end
                    continue
                }
                // Decided on bytes: most numbers are none of these, and a String per number adds up.
                let last = text[token.end - 1]
                let nextIsPercent = index + 1 < tokens.count && tokens[index + 1].end - tokens[index + 1].start == 1
                    && text[tokens[index + 1].start] == UInt8(ascii: "%")
                if last == UInt8(ascii: "%") || nextIsPercent {
                    let end = last == UInt8(ascii: "%") ? index + 1 : index + 2
                    spans.append(EntitySpan(kind: .percentage, tokens: index..<end))
                    next = end
                    continue
                }
                if index + 1 < tokens.count, keys[index + 1] == "euro" {
                    spans.append(EntitySpan(kind: .amount, tokens: index..<index + 2))
                    next = index + 2
                    continue
                }
                if index + 1 < tokens.count, keys[index + 1] == "uur" || text[token.range].contains(UInt8(ascii: ":")) {
                    let end = keys[index + 1 < tokens.count ? index + 1 : index] == "uur" ? index + 2 : index + 1
                    spans.append(EntitySpan(kind: .time, tokens: index..<end))
                    next = end
                    continue
                }
                if text[token.range].reduce(0, { $0 + ($1 == UInt8(ascii: "-") || $1 == UInt8(ascii: "/") ? 1 : 0) }) == 2 {
                    spans.append(EntitySpan(kind: .date, tokens: index..<index + 1))
                    next = index + 1
                    continue
                }
                // Phone numbers: 0 followed by groups of digits, optionally with a dash: 088 - 123 45 67
                if text[token.start] == UInt8(ascii: "0") || text[token.range].starts(with: "+31".utf8) {
                    let written = value(index)
                    var end = index + 1
                    var digits = written.filter(\.isNumber).count
                    while end < tokens.count, tokens[end].start - tokens[end - 1].end <= 1 {
                        let part = value(end)
                        if tokens[end].kind == .number, !part.contains(".") {
                            digits += part.filter(\.isNumber).count
                            end += 1
                        } else if part == "-", isNumber(end + 1) {
                            end += 1
                        } else {
                            break
                        }
                    }
                    if digits >= 7 && digits <= 13 && (end > index + 1 || written.contains("-")) {
                        spans.append(EntitySpan(kind: .phone, tokens: index..<end))
                        next = end
                        continue
                    }
                }
            }
        }
        return spans
    }

    /// The first two bytes of the months' names (as in `TokenKeys.leadingPairs`): most words after a
    /// number start none of them, which is then known without hashing the word.
    static let monthPairs: [UInt16] = Array(Set(months.map { month in
        var bytes = month.utf8.makeIterator()
        return UInt16(bytes.next() ?? 0) | UInt16(bytes.next() ?? 0) << 8
    })).sorted()

    /// `art.`, `artikel`, `artikelen` (`lid` and `sub` only go on with one).
    static func startsArticleReference(_ key: String) -> Bool {
        key != "lid" && key != "sub" && articleWords.contains(key)
    }

    static func mayBeMonth(_ token: Int, _ keys: TokenKeys) -> Bool {
        let number = keys.keyIndex[token]
        return number >= 0 && monthPairs.contains(keys.leadingPairs[Int(number)])
    }

    /// "ar" as a key's first two bytes, little-endian (`TokenKeys.leadingPairs`).
    static let ar = UInt16(UInt8(ascii: "a")) | UInt16(UInt8(ascii: "r")) << 8

    /// Can an entity start at this token, which is no number or symbol and whose key starts with "ar"
    /// (the caller has checked both)? Only a word whose text starts with "ar" too, when its first two
    /// bytes are ASCII; when they are not (an accent, a soft hyphen), the key decides.
    private static func mayStartEntity(_ token: Token, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = text[token.start], second = token.start + 1 < token.end ? text[token.start + 1] : 0
        if first >= 0x80 || second >= 0x80 { return true }
        // Only words have keys; the key of a word starting with ASCII letters starts with them in lowercase.
        return token.isWordLike && first | 0x20 == UInt8(ascii: "a") && second | 0x20 == UInt8(ascii: "r")
    }
}
