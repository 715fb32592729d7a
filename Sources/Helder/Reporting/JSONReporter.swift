import LexiconFormat

/// The JSON contract: `{"version":1,"files":[{"path":…,"findings":[{"rule",…}]}]}`; a file that could
/// not be checked carries `"error"` and no findings.
public struct JSONReporter: Reporter {
    public init() {}

    public func makeWriter(context: ReportContext) -> any ReportWriter { Writer(reporter: self, context: context) }

    struct Writer: ReportWriter {
        let reporter: JSONReporter
        let context: ReportContext
        var files = 0
        var open = false
        var findingsInFile = 0
        var errorWritten = false
        /// A large file's warnings, written when its last part is in.
        var warnings: [InputWarning] = []

        mutating func begin(to output: inout some TextOutputStream) {
            output.write("{\n  \"version\": 1,\n  \"files\": [")
        }

        mutating func write(_ file: FileReport, to output: inout some TextOutputStream) {
            if !open {
                output.write(files == 0 ? "\n    {\n" : ",\n    {\n")
                output.write("      \"path\": \(JSONWriter.quote(file.path)),\n")
                if let error = file.error {
                    output.write("      \"error\": \(JSONWriter.quote(error.description)),\n")
                }
                output.write("      \"findings\": [")
                files += 1
                open = true
                findingsInFile = 0
                errorWritten = file.error != nil
                warnings = []
            }
            for located in file.findings {
                output.write(findingsInFile == 0 ? "\n        " : ",\n        ")
                output.write(reporter.finding(for: located, context: context).rendered(indent: 2, level: 4))
                findingsInFile += 1
            }
            warnings += file.warnings
            guard !file.continues else { return }
            output.write(findingsInFile == 0 ? "]" : "\n      ]")
            if let error = file.error, !errorWritten {
                // A large file that failed after some of its parts were written.
                output.write(",\n      \"error\": \(JSONWriter.quote(error.description))")
            }
            if !warnings.isEmpty {
                let list = JSONValue.array(warnings.map { warning in
                    var pairs: [(String, JSONValue)] = [("message", .string(warning.message))]
                    if let offset = warning.offset { pairs.append(("offset", .int(offset))) }
                    return .object(pairs)
                })
                output.write(",\n      \"warnings\": " + list.rendered(indent: 2, level: 3))
            }
            output.write("\n    }")
            open = false
        }

        mutating func end(to output: inout some TextOutputStream) {
            output.write(files == 0 ? "]\n}\n" : "\n  ]\n}\n")
        }
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
