import LexiconFormat

/// The JSON contract: `{"version":1,"files":[{"path":…,"findings":[{"rule",…}]}]}`; a file that could
/// not be checked carries `"error"` and no findings.
public struct JSONReporter: Reporter {
    public init() {}

    public func report(_ files: [FileReport], context: ReportContext) -> String {
        let fileValues: [JSONValue] = files.map { file in
            var pairs: [(String, JSONValue)] = [("path", .string(file.path))]
            if let error = file.error {
                pairs.append(("error", .string(error.description)))
            }
            pairs.append(("findings", .array(file.findings.map { finding(for: $0, context: context) })))
            if !file.warnings.isEmpty {
                pairs.append(("warnings", .array(file.warnings.map { warning in
                    var pairs: [(String, JSONValue)] = [("message", .string(warning.message))]
                    if let offset = warning.offset { pairs.append(("offset", .int(offset))) }
                    return .object(pairs)
                })))
            }
            return .object(pairs)
        }
        return JSONValue.object([("version", .int(1)), ("files", .array(fileValues))]).rendered(indent: 2) + "\n"
    }

    func finding(for located: LocatedFinding, context: ReportContext) -> JSONValue {
        let finding = located.finding
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)),
            ("category", .string(finding.category)),
            ("severity", .string(finding.severity.rawValue)),
            ("offset", .int(located.offset)),
            ("length", .int(located.length)),
            ("line", .int(located.line)),
            ("column", .int(located.column)),
            ("match", .string(context.match(located))),
            ("message", .string(context.message(located))),
            ("suggestion", .string(finding.suggestion)),
        ]
        if let entry = finding.entry { pairs.insert(("entry", .string(entry)), at: 1) }
        if !finding.explanation.isEmpty { pairs.append(("explanation", .string(finding.explanation))) }
        return .object(pairs)
    }
}
