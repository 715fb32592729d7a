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
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        let parts = form.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        guard !parts.isEmpty else { return .failure(FormError(form: form, message: "lege vorm")) }
        var slots: [Slot] = []
        for part in parts {
            let text = String(Substring(part))
            if part.elementsEqual(ellipsis) || part.elementsEqual("...".utf8) {
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
                    return .failure(FormError(form: form, message: "'\(text)': een * staat alleen aan het eind van een woord van minstens drie letters"))
                }
                slots.append(.prefix(String(Substring(stem))))
                continue
            }
            let alternatives = part.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            let containsEllipsis = part.count >= 3 && (0...(part.count - 3)).contains { part.dropFirst($0).starts(with: ellipsis) }
            guard !alternatives.contains(where: \.isEmpty), !hasStar, !containsEllipsis else {
                return .failure(FormError(form: form, message: "'\(text)' is geen geldig woord"))
            }
            slots.append(.word(alternatives.map { String(Substring($0)) }))
        }
        if case .gap = slots.first! { return .failure(FormError(form: form, message: "een vorm begint niet met …")) }
        if case .gap = slots.last! { return .failure(FormError(form: form, message: "een vorm eindigt niet met …")) }
        return .success(FormPattern(slots: slots))
    }
}

public struct FormError: Error, Sendable, CustomStringConvertible {
    public var form: String
    public var message: String
    public var description: String { "vorm '\(form)': \(message)" }
}
