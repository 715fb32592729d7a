import LexiconFormat

/// The JSON contract: `{"version":1,"files":[{"path":…,"findings":[{"rule",…}]}]}`; a file that could
/// not be checked carries `"error"` and no findings.
public struct JSONReporter: Reporter {
    public init() {}

    public func write(_ files: [FileReport], context: ReportContext, to output: inout some TextOutputStream) {
        output.write("{\n  \"version\": 1,\n  \"files\": [")
        for (fileNumber, file) in files.enumerated() {
            output.write(fileNumber == 0 ? "\n    {\n" : ",\n    {\n")
            output.write("      \"path\": \(JSONWriter.quote(file.path)),\n")
            if let error = file.error {
                output.write("      \"error\": \(JSONWriter.quote(error.description)),\n")
            }
            output.write("      \"findings\": [")
            for (number, located) in file.findings.enumerated() {
                output.write(number == 0 ? "\n        " : ",\n        ")
                output.write(finding(for: located, context: context).rendered(indent: 2, level: 4))
            }
            output.write(file.findings.isEmpty ? "]" : "\n      ]")
            if !file.warnings.isEmpty {
                let warnings = JSONValue.array(file.warnings.map { warning in
                    var pairs: [(String, JSONValue)] = [("message", .string(warning.message))]
                    if let offset = warning.offset { pairs.append(("offset", .int(offset))) }
                    return .object(pairs)
                })
                output.write(",\n      \"warnings\": " + warnings.rendered(indent: 2, level: 3))
            }
            output.write("\n    }")
        }
        output.write(files.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
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
