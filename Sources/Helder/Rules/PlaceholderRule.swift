/// `template.placeholder`: with `--placeholders report`, every placeholder left in a letter.
struct PlaceholderRule {
    static let id = "template.placeholder"
    let rules: RuleSet

    func findings(in document: AnalyzedDocument) -> [Finding] {
        guard rules.settings.reportPlaceholders else { return [] }
        let template = rules.template(rule: Self.id, category: "template")
        return document.tokens.filter { $0.kind == .placeholder }.compactMap { token in
            rules.makeFinding(template, range: token.range, document: document)
        }
    }
}
