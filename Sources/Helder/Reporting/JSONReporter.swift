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
        var quoted = QuotedStrings()

        mutating func begin(to output: inout some ReportOutput) {
            output.write("{\n  \"version\": 1,\n  \"files\": [")
        }

        mutating func write(_ file: FileReport, to output: inout some ReportOutput) {
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
            // The findings go into one buffer that is handed on as bytes every 64 KB: no String, and
            // no new storage, per finding.
            var buffer = JSONBytes.forPieces()
            // Read in place: a loop over the array would copy every finding.
            file.findings.withUnsafeBufferPointer { findings in
                for index in findings.indices {
                    buffer.append(findingsInFile == 0 ? "\n        " : ",\n        ")
                    reporter.render(findings.baseAddress! + index, context: context, into: &buffer, quoted: &quoted)
                    findingsInFile += 1
                    buffer.handOnPiece(to: &output)
                }
            }
            buffer.write(to: &output)
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

        mutating func end(to output: inout some ReportOutput) {
            output.write(files == 0 ? "]\n}\n" : "\n  ]\n}\n")
        }
    }

    /// One finding as an object nested four levels deep (indent 2), written straight into bytes: a
    /// report can hold hundreds of thousands of findings, so no `JSONValue` tree per finding. The
    /// finding is read where it lies, field by field: a copy of the whole finding counts references to
    /// nine strings and then lets go of them again, for every finding.
    @inline(__always)
    func render(_ located: UnsafePointer<LocatedFinding>, context: ReportContext, into output: inout JSONBytes,
                quoted: inout QuotedStrings) {
        quoted.appendHead(of: located, indent: "\n          ", to: &output)
        output.append(",\n          \"offset\": ")
        output.append(located.pointee.offset)
        output.append(",\n          \"length\": ")
        output.append(located.pointee.length)
        output.append(",\n          \"line\": ")
        output.append(located.pointee.line)
        output.append(",\n          \"column\": ")
        output.append(located.pointee.column)
        output.append(",\n          \"match\": ")
        if context.redact {
            output.appendQuoted(context.match(located.pointee))
        } else {
            output.appendQuoted(located.pointee.match)
        }
        output.append(",\n          \"message\": ")
        if context.redact {
            output.appendQuoted(context.message(located.pointee))
        } else {
            output.appendQuoted(located.pointee.finding.message)
        }
        output.append(",\n          \"suggestion\": ")
        quoted.appendQuoted(located.pointee.finding.suggestion, to: &output)
        if !located.pointee.finding.explanation.isEmpty {
            output.append(",\n          \"explanation\": ")
            quoted.appendQuoted(located.pointee.finding.explanation, to: &output)
        }
        output.append("\n        }")
    }
}
