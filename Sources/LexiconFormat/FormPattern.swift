/// A parsed lexicon form (see "Forms" in `Lexicons/README.md`): words, alternatives, gaps and prefixes.
public struct FormPattern: Sendable, Hashable {
    public enum Slot: Sendable, Hashable {
        /// One of these words (as written in the lexicon; folded by the matcher).
        case word([String])
        /// Any word starting with this text (`manipul*`).
        case prefix(String)
        /// Up to this many other tokens.
        case gap(Int)
    }

    public static let maximumGap = 5

    public var slots: [Slot]

    public init(slots: [Slot]) {
        self.slots = slots
    }

    /// Parses a form; the error message is Dutch, for lexicon authors. Every lexicon form is parsed at
    /// start-up, so this is a plain loop over UTF-8 bytes (generic `split` over slices cost ~3 µs a form).
    public static func parse(_ form: String) -> Result<FormPattern, FormError> {
        if let result = form.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0, form: form) }) { return result }
        return Array(form.utf8).withUnsafeBufferPointer { parse(bytes: $0, form: form) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, form: String) -> Result<FormPattern, FormError> {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var slots: [Slot] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            var stars = 0, bars = 0
            while index < bytes.count, !isSpace(bytes[index]) {
                if bytes[index] == UInt8(ascii: "*") { stars += 1 } else if bytes[index] == UInt8(ascii: "|") { bars += 1 }
                index += 1
            }
            let part = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if isEllipsis(part) {
                if let last = slots.last, case .gap = last {
                    return .failure(FormError(form: form, message: "twee gaten achter elkaar"))
                }
                slots.append(.gap(maximumGap))
                continue
            }
            if part.last == UInt8(ascii: "*") {
                guard part.count - 1 >= 3, bars == 0, stars == 1 else {
                    return .failure(FormError(form: form, message: "'\(text(start..<index))': een * staat alleen aan het eind van een woord van minstens drie letters"))
                }
                slots.append(.prefix(text(start..<index - 1)))
                continue
            }
            guard stars == 0, !containsEllipsis(part) else {
                return .failure(FormError(form: form, message: "'\(text(start..<index))' is geen geldig woord"))
            }
            if bars == 0 {
                slots.append(.word([text(start..<index)]))
                continue
            }
            var alternatives: [Range<Int>] = []
            var alternativeStart = start
            for position in start..<index where bytes[position] == UInt8(ascii: "|") {
                alternatives.append(alternativeStart..<position)
                alternativeStart = position + 1
            }
            alternatives.append(alternativeStart..<index)
            guard !alternatives.contains(where: { $0.isEmpty }) else {
                return .failure(FormError(form: form, message: "'\(text(start..<index))' is geen geldig woord"))
            }
            slots.append(.word(alternatives.map(text)))
        }
        guard let first = slots.first, let last = slots.last else { return .failure(FormError(form: form, message: "lege vorm")) }
        if case .gap = first { return .failure(FormError(form: form, message: "een vorm begint niet met …")) }
        if case .gap = last { return .failure(FormError(form: form, message: "een vorm eindigt niet met …")) }
        return .success(FormPattern(slots: slots))
    }

    /// `…` (U+2026) or `...`.
    static func isEllipsis(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        part.count == 3 && isEllipsis(at: 0, in: part)
    }

    /// Do the three bytes from `index` spell `…` or `...`?
    public static func isEllipsis(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + 3 <= bytes.count else { return false }
        return bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6
            || bytes[index] == 0x2E && bytes[index + 1] == 0x2E && bytes[index + 2] == 0x2E
    }

    static func containsEllipsis(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = part.startIndex
        while index + 2 < part.endIndex {
            if part[index] == 0xE2, part[index + 1] == 0x80, part[index + 2] == 0xA6 { return true }
            index += 1
        }
        return false
    }
}

public struct FormError: Error, Sendable, CustomStringConvertible {
    public var form: String
    public var message: String
    public var description: String { "vorm '\(form)': \(message)" }
}
