/// Checks analyzed documents with every rule and returns findings in text order.
public struct Checker: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    public func analyze(_ source: SourceText) -> AnalyzedDocument {
        rules.analyzer.analyze(source)
    }

    public func check(_ source: SourceText) -> [Finding] {
        check(analyze(source))
    }

    /// Pass the same `cache` for the documents one thread checks one after another: work per word is
    /// then done once, not once per document.
    public func check(_ document: AnalyzedDocument, cache: MatchCache = MatchCache()) -> [Finding] {
        var findings = LexiconRules(rules: rules).findings(in: document, cache: cache)
        findings += DirectiveGrammarRule(rules: rules).findings(in: document)
        findings += UnknownAcronymRule(rules: rules).findings(in: document)
        findings += PlaceholderRule(rules: rules).findings(in: document)
        // In place: `sorted` would copy every finding (and count references to its strings) first.
        findings.sort {
            if $0.range.lowerBound != $1.range.lowerBound { return $0.range.lowerBound < $1.range.lowerBound }
            if $0.range.upperBound != $1.range.upperBound { return $0.range.upperBound > $1.range.upperBound }
            return $0.rule < $1.rule
        }
        return findings
    }
}
