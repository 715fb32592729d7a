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
        return Self.inTextOrder(findings)
    }

    /// By start, longer first, then rule id, then the order the rules gave. Numbers are sorted, not
    /// findings: a merge sort copies each element at every level (six strings to count references to
    /// each time); this way every finding is copied once.
    static func inTextOrder(_ findings: [Finding]) -> [Finding] {
        let order = findings.indices.sorted { a, b in
            let first = findings[a].range, second = findings[b].range
            if first.lowerBound != second.lowerBound { return first.lowerBound < second.lowerBound }
            if first.upperBound != second.upperBound { return first.upperBound > second.upperBound }
            if findings[a].rule != findings[b].rule { return findings[a].rule < findings[b].rule }
            return a < b
        }
        return order.map { findings[$0] }
    }
}
