import LexiconFormat

/// A fingerprint of a finding that survives edits elsewhere in the file: path, rule and the normalized
/// match, plus how many times the same triple occurred before (so repeats stay distinct).
func fingerprint(path: String, _ located: LocatedFinding, occurrence: Int) -> String {
    SHA256.hex("\(path)\u{0}\(located.finding.rule)\u{0}\(TextFolding.fold(located.match))\u{0}\(occurrence)")
}

/// Fingerprints for the findings of each part of a file, counting repeats over all parts of the file.
struct FingerprintCounter {
    private var seen: [String: Int] = [:]
    private var inFile = false

    mutating func next(_ part: FileReport) -> [String] {
        if !inFile { seen = [:] }
        inFile = part.continues
        return part.findings.map { located in
            let key = "\(located.finding.rule)\u{0}\(TextFolding.fold(located.match))"
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return fingerprint(path: part.path, located, occurrence: occurrence)
        }
    }
}

func xmlEscape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        case "\n": result += "&#10;"
        case "\r": result += "&#13;"
        case "\t": result += "&#9;"
        case _ where scalar.value < 0x20 || (scalar.value >= 0xFFFE && scalar.value <= 0xFFFF): result += "\u{FFFD}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=…::message`.
public struct GitHubReporter: Reporter {
    public init() {}

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    public func makeWriter(context: ReportContext) -> any ReportWriter { Writer(context: context) }

    struct Writer: ReportWriter {
        let context: ReportContext

        mutating func begin(to output: inout some ReportOutput) {}

        mutating func write(_ file: FileReport, to output: inout some ReportOutput) {
            let path = GitHubReporter.escapeProperty(file.path)
            if let error = file.error {
                output.write("::error file=\(path),title=helder::\(GitHubReporter.escapeData(error.description))\n")
            }
            for located in file.findings {
                let level = located.finding.severity == .error ? "error" : located.finding.severity == .warning ? "warning" : "notice"
                let title = GitHubReporter.escapeProperty(located.finding.rule)
                let message = GitHubReporter.escapeData("\(context.message(located)) \(located.finding.suggestion)")
                output.write("::\(level) file=\(path),line=\(located.line),col=\(located.column),title=\(title)::\(message)\n")
            }
        }

        mutating func end(to output: inout some ReportOutput) {}
    }
}

/// JUnit XML: one test case per file; findings are failures, unreadable files errors.
public struct JUnitReporter: Reporter {
    public init() {}

    public func makeWriter(context: ReportContext) -> any ReportWriter { Writer(context: context) }

    /// The header carries the totals, so the test cases are kept (as text) until the end.
    struct Writer: ReportWriter {
        let context: ReportContext
        var totals = ReportTotals()
        var cases = ""
        var failureLines: [String] = []
        var error: InputError?

        mutating func begin(to output: inout some ReportOutput) {}

        mutating func write(_ file: FileReport, to output: inout some ReportOutput) {
            totals.add(file)
            if let fileError = file.error { error = fileError }
            for located in file.findings {
                failureLines.append("\(file.path):\(located.line):\(located.column): \(located.finding.severity.rawValue): \(context.message(located)) [\(located.finding.rule)]")
            }
            guard !file.continues else { return }
            cases += "    <testcase classname=\"helder\" name=\"\(xmlEscape(file.path))\">\n"
            if let error {
                cases += "      <error message=\"\(xmlEscape(error.description))\"/>\n"
            }
            if !failureLines.isEmpty {
                cases += "      <failure message=\"\(failureLines.count) bevindingen\" type=\"helder\">\(xmlEscape(failureLines.joined(separator: "\n")))</failure>\n"
            }
            cases += "    </testcase>\n"
            failureLines = []
            error = nil
        }

        mutating func end(to output: inout some ReportOutput) {
            let counts = "tests=\"\(totals.files)\" failures=\"\(totals.filesWithFindings)\" errors=\"\(totals.failedFiles)\""
            output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            output.write("<testsuites name=\"helder\" \(counts)>\n  <testsuite name=\"helder\" \(counts)>\n")
            output.write(cases)
            output.write("  </testsuite>\n</testsuites>\n")
        }
    }
}

/// Checkstyle XML, as Jenkins' warnings plugin and many CI servers read it.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func makeWriter(context: ReportContext) -> any ReportWriter { Writer(context: context) }

    struct Writer: ReportWriter {
        let context: ReportContext
        var open = false

        mutating func begin(to output: inout some ReportOutput) {
            output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
        }

        mutating func write(_ file: FileReport, to output: inout some ReportOutput) {
            if !open { output.write("  <file name=\"\(xmlEscape(file.path))\">\n") }
            if let error = file.error {
                output.write("    <error line=\"1\" severity=\"error\" message=\"\(xmlEscape(error.description))\" source=\"helder.input\"/>\n")
            }
            for located in file.findings {
                output.write("    <error line=\"\(located.line)\" column=\"\(located.column)\" severity=\"\(located.finding.severity.rawValue)\" "
                    + "message=\"\(xmlEscape(context.message(located)))\" source=\"helder.\(xmlEscape(located.finding.rule))\"/>\n")
            }
            open = file.continues
            if !open { output.write("  </file>\n") }
        }

        mutating func end(to output: inout some ReportOutput) {
            output.write("</checkstyle>\n")
        }
    }
}

/// GitLab Code Quality (Code Climate subset): description, check_name, fingerprint, severity, location.
public struct GitLabReporter: Reporter {
    public init() {}

    static let severities: [Severity: String] = [.error: "major", .warning: "minor", .info: "info"]

    public func makeWriter(context: ReportContext) -> any ReportWriter { Writer(context: context) }

    struct Writer: ReportWriter {
        let context: ReportContext
        var issues = 0
        var fingerprints = FingerprintCounter()

        mutating func begin(to output: inout some ReportOutput) {
            output.write("[")
        }

        private mutating func append(_ issue: JSONValue, to output: inout some ReportOutput) {
            output.write(issues == 0 ? "\n  " : ",\n  ")
            output.write(issue.rendered(indent: 2, level: 1))
            issues += 1
        }

        mutating func write(_ file: FileReport, to output: inout some ReportOutput) {
            if let error = file.error {
                append(.object([
                    ("description", .string(error.description)), ("check_name", .string("helder.input")),
                    ("fingerprint", .string(SHA256.hex("\(file.path)\u{0}error"))), ("severity", .string("critical")),
                    ("location", .object([("path", .string(file.path)), ("lines", .object([("begin", .int(1))]))])),
                ]), to: &output)
            }
            for (located, print) in zip(file.findings, fingerprints.next(file)) {
                append(.object([
                    ("description", .string("\(context.message(located)) \(located.finding.suggestion)")),
                    ("check_name", .string(located.finding.rule)),
                    ("fingerprint", .string(print)),
                    ("severity", .string(GitLabReporter.severities[located.finding.severity] ?? "minor")),
                    ("location", .object([("path", .string(file.path)), ("lines", .object([("begin", .int(located.line))]))])),
                ]), to: &output)
            }
        }

        mutating func end(to output: inout some ReportOutput) {
            output.write(issues == 0 ? "]\n" : "\n]\n")
        }
    }
}
