import LexiconFormat

/// One problem found in a text. Positions are byte ranges of the analyzed text; reporters turn them
/// into file offsets, lines and columns through the `SourceText`.
public struct Finding: Sendable, Hashable {
    public var rule: String
    /// The lexicon entry that matched, when one did.
    public var entry: String?
    /// `jargon`, `abbreviation`, `directive`, `blame` or `template`.
    public var category: String
    public var severity: Severity
    public var range: Range<Int>
    public var message: String
    public var suggestion: String
    /// Why it matters to a parent or youth (the entry's or the rule's explanation).
    public var explanation: String

    public init(rule: String, entry: String?, category: String, severity: Severity, range: Range<Int>,
                message: String, suggestion: String, explanation: String) {
        self.rule = rule
        self.entry = entry
        self.category = category
        self.severity = severity
        self.range = range
        self.message = message
        self.suggestion = suggestion
        self.explanation = explanation
    }
}
