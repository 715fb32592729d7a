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

    /// Parses a form; the error message is Dutch, for lexicon authors. Works on UTF-8 bytes: every
    /// lexicon form is parsed at start-up.
    public static func parse(_ form: String) -> Result<FormPattern, FormError> {
        let bytes = Array(form.utf8)
        let parts = bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        guard !parts.isEmpty else { return .failure(FormError(form: form, message: "lege vorm")) }
        func text(_ part: ArraySlice<UInt8>) -> String { String(decoding: part, as: UTF8.self) }
        var slots: [Slot] = []
        for part in parts {
            if isEllipsis(part) {
                if let last = slots.last, case .gap = last {
                    return .failure(FormError(form: form, message: "twee gaten achter elkaar"))
                }
                slots.append(.gap(maximumGap))
                continue
            }
            let hasStar = part.contains(UInt8(ascii: "*"))
            let hasBar = part.contains(UInt8(ascii: "|"))
            if part.last == UInt8(ascii: "*") {
                let stem = part.dropLast()
                guard stem.count >= 3, !hasBar, !stem.contains(UInt8(ascii: "*")) else {
                    return .failure(FormError(form: form, message: "'\(text(part))': een * staat alleen aan het eind van een woord van minstens drie letters"))
                }
                slots.append(.prefix(text(stem)))
                continue
            }
            let alternatives = part.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            guard !alternatives.contains(where: \.isEmpty), !hasStar, !containsEllipsis(part) else {
                return .failure(FormError(form: form, message: "'\(text(part))' is geen geldig woord"))
            }
            slots.append(.word(alternatives.map(text)))
        }
        if case .gap = slots.first! { return .failure(FormError(form: form, message: "een vorm begint niet met …")) }
        if case .gap = slots.last! { return .failure(FormError(form: form, message: "een vorm eindigt niet met …")) }
        return .success(FormPattern(slots: slots))
    }

    /// `…` (U+2026) or `...`.
    static func isEllipsis(_ part: ArraySlice<UInt8>) -> Bool {
        part.elementsEqual([0xE2, 0x80, 0xA6]) || part.elementsEqual([0x2E, 0x2E, 0x2E])
    }

    static func containsEllipsis(_ part: ArraySlice<UInt8>) -> Bool {
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
