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
        let others = [DirectiveGrammarRule(rules: rules).findings(in: document), UnknownAcronymRule(rules: rules).findings(in: document),
                      PlaceholderRule(rules: rules).findings(in: document)]
        // Room for all at once: growing the list as each rule's findings come copies it each time.
        findings.reserveCapacity(findings.count + others.reduce(0) { $0 + $1.count })
        for list in others { findings += list }
        return Self.inTextOrder(consume findings)
    }

    /// By start, longer first, then rule id, then the order the rules gave. Numbers are sorted, and the
    /// findings then moved into place by swaps in their storage: a merge sort, a new array, or swaps
    /// through the array copy findings (six strings to count references to, each time).
    static func inTextOrder(_ findings: consuming [Finding]) -> [Finding] {
        let order = findings.indices.sorted { a, b in
            let first = findings[a].range, second = findings[b].range
            if first.lowerBound != second.lowerBound { return first.lowerBound < second.lowerBound }
            if first.upperBound != second.upperBound { return first.upperBound > second.upperBound }
            if findings[a].rule != findings[b].rule { return findings[a].rule < findings[b].rule }
            return a < b
        }
        // Position k takes the finding at order[k]: each cycle of the permutation is walked once,
        // carrying the cycle's first finding along by swaps.
        var done = [Bool](filling: false, count: order.count)
        findings.withUnsafeMutableBufferPointer { findings in
            for first in order.indices where !done[first] {
                var position = first
                while true {
                    done[position] = true
                    let source = order[position]
                    if source == first { break }
                    findings.swapAt(position, source)
                    position = source
                }
            }
        }
        return findings
    }
}
