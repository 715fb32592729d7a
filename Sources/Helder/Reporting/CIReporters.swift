import LexiconFormat

/// A fingerprint of a finding that survives edits elsewhere in the file: path, rule and the normalized
/// match, plus how many times the same triple occurred before (so repeats stay distinct).
func fingerprint(path: String, _ located: LocatedFinding, occurrence: Int) -> String {
    SHA256.hex("\(path)\u{0}\(located.finding.rule)\u{0}\(TextFolding.fold(located.match))\u{0}\(occurrence)")
}

/// Fingerprints for every finding of a file, in order.
func fingerprints(_ file: FileReport) -> [String] {
    var seen: [String: Int] = [:]
    return file.findings.map { located in
        let key = "\(located.finding.rule)\u{0}\(TextFolding.fold(located.match))"
        let occurrence = seen[key, default: 0]
        seen[key] = occurrence + 1
        return fingerprint(path: file.path, located, occurrence: occurrence)
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

    public func write(_ files: [FileReport], context: ReportContext, to sink: inout some TextOutputStream) {
        sink.write(render(files, context: context))
    }

    func render(_ files: [FileReport], context: ReportContext) -> String {
        var output = ""
        for file in files {
            if let error = file.error {
                output += "::error file=\(Self.escapeProperty(file.path)),title=helder::\(Self.escapeData(error.description))\n"
            }
            for located in file.findings {
                let level = located.finding.severity == .error ? "error" : located.finding.severity == .warning ? "warning" : "notice"
                let title = Self.escapeProperty(located.finding.rule)
                let message = Self.escapeData("\(context.message(located)) \(located.finding.suggestion)")
                output += "::\(level) file=\(Self.escapeProperty(file.path)),line=\(located.line),col=\(located.column),title=\(title)::\(message)\n"
            }
        }
        return output
    }
}

/// JUnit XML: one test case per file; findings are failures, unreadable files errors.
public struct JUnitReporter: Reporter {
    public init() {}

    public func write(_ files: [FileReport], context: ReportContext, to sink: inout some TextOutputStream) {
        sink.write(render(files, context: context))
    }

    func render(_ files: [FileReport], context: ReportContext) -> String {
        let failures = files.filter { !$0.findings.isEmpty }.count
        let errors = files.filter { $0.error != nil }.count
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"helder\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        output += "  <testsuite name=\"helder\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for file in files {
            output += "    <testcase classname=\"helder\" name=\"\(xmlEscape(file.path))\">\n"
            if let error = file.error {
                output += "      <error message=\"\(xmlEscape(error.description))\"/>\n"
            }
            if !file.findings.isEmpty {
                let body = file.findings.map { located in
                    "\(file.path):\(located.line):\(located.column): \(located.finding.severity.rawValue): \(context.message(located)) [\(located.finding.rule)]"
                }.joined(separator: "\n")
                output += "      <failure message=\"\(file.findings.count) bevindingen\" type=\"helder\">\(xmlEscape(body))</failure>\n"
            }
            output += "    </testcase>\n"
        }
        output += "  </testsuite>\n</testsuites>\n"
        return output
    }
}

/// Checkstyle XML, as Jenkins' warnings plugin and many CI servers read it.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func write(_ files: [FileReport], context: ReportContext, to sink: inout some TextOutputStream) {
        sink.write(render(files, context: context))
    }

    func render(_ files: [FileReport], context: ReportContext) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in files {
            output += "  <file name=\"\(xmlEscape(file.path))\">\n"
            if let error = file.error {
                output += "    <error line=\"1\" severity=\"error\" message=\"\(xmlEscape(error.description))\" source=\"helder.input\"/>\n"
            }
            for located in file.findings {
                output += "    <error line=\"\(located.line)\" column=\"\(located.column)\" severity=\"\(located.finding.severity.rawValue)\" "
                output += "message=\"\(xmlEscape(context.message(located)))\" source=\"helder.\(xmlEscape(located.finding.rule))\"/>\n"
            }
            output += "  </file>\n"
        }
        return output + "</checkstyle>\n"
    }
}

/// GitLab Code Quality (Code Climate subset): description, check_name, fingerprint, severity, location.
public struct GitLabReporter: Reporter {
    public init() {}

    static let severities: [Severity: String] = [.error: "major", .warning: "minor", .info: "info"]

    public func write(_ files: [FileReport], context: ReportContext, to sink: inout some TextOutputStream) {
        sink.write(render(files, context: context))
    }

    func render(_ files: [FileReport], context: ReportContext) -> String {
        var issues: [JSONValue] = []
        for file in files {
            if let error = file.error {
                issues.append(.object([
                    ("description", .string(error.description)), ("check_name", .string("helder.input")),
                    ("fingerprint", .string(SHA256.hex("\(file.path)\u{0}error"))), ("severity", .string("critical")),
                    ("location", .object([("path", .string(file.path)), ("lines", .object([("begin", .int(1))]))])),
                ]))
            }
            for (located, print) in zip(file.findings, fingerprints(file)) {
                issues.append(.object([
                    ("description", .string("\(context.message(located)) \(located.finding.suggestion)")),
                    ("check_name", .string(located.finding.rule)),
                    ("fingerprint", .string(print)),
                    ("severity", .string(Self.severities[located.finding.severity] ?? "minor")),
                    ("location", .object([("path", .string(file.path)), ("lines", .object([("begin", .int(located.line))]))])),
                ]))
            }
        }
        return JSONValue.array(issues).rendered(indent: 2) + "\n"
    }
}
