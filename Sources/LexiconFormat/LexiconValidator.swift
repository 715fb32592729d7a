/// Checks that hold across files: unique ids, parseable forms, a description for every rule id.
public struct LexiconValidator {
    public init() {}

    public func problems(in set: LexiconSet) -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        let ruleIDs = Set(set.rules.map(\.id))
        for entry in set.entries {
            if let first = seen[entry.id] {
                problems.append("\(entry.source): id '\(entry.id)' staat ook in \(first)")
            }
            seen[entry.id] = entry.source
            if !ruleIDs.isEmpty && !ruleIDs.contains(entry.rule) {
                problems.append("\(entry.source): regel '\(entry.rule)' heeft geen beschrijving in rules.yml")
            }
            for form in entry.forms {
                if case .failure(let error) = FormPattern.parse(form) {
                    problems.append("\(entry.source): \(entry.id): \(error)")
                }
            }
        }
        return problems
    }
}
