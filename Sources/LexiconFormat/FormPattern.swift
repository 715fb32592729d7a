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

    /// Parses a form; the error message is Dutch, for lexicon authors.
    public static func parse(_ form: String) -> Result<FormPattern, FormError> {
        let parts = form.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !parts.isEmpty else { return .failure(FormError(form: form, message: "lege vorm")) }
        var slots: [Slot] = []
        for part in parts {
            if part == "…" || part == "..." {
                guard let last = slots.last, case .gap = last else {
                    slots.append(.gap(maximumGap))
                    continue
                }
                return .failure(FormError(form: form, message: "twee gaten achter elkaar"))
            }
            if part.hasSuffix("*") {
                let stem = String(part.dropLast())
                guard stem.count >= 3, !stem.contains(Character("|")), !stem.contains(Character("*")) else {
                    return .failure(FormError(form: form, message: "'\(part)': een * staat alleen aan het eind van een woord van minstens drie letters"))
                }
                slots.append(.prefix(stem))
                continue
            }
            let alternatives = part.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !alternatives.contains(where: \.isEmpty), !part.contains(Character("*")), !part.contains(Character("…")) else {
                return .failure(FormError(form: form, message: "'\(part)' is geen geldig woord"))
            }
            slots.append(.word(alternatives))
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
