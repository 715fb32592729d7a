import LexiconFormat

/// `path:line:column: severity: message [rule]`, the suggestion below it and, on a terminal, the source
/// line with a caret under the match. Ends with a one-line summary.
public struct TextReporter: Reporter {
    public init() {}

    static let severityNames: [Severity: String] = [.error: "fout", .warning: "waarschuwing", .info: "info"]

    public func write(_ files: [FileReport], context: ReportContext, to sink: inout some TextOutputStream) {
        var output = ""
        let paint = Painter(enabled: context.color)
        for file in files {
            if let error = file.error {
                output += "\(file.path): \(paint.red("fout")): \(error.description)\n"
                continue
            }
            for warning in file.warnings {
                output += "\(file.path): \(paint.yellow("let op")): \(warning.message)\n"
            }
            for located in file.findings {
                let finding = located.finding
                let severity = Self.severityNames[finding.severity] ?? finding.severity.rawValue
                let coloured = finding.severity == .error ? paint.red(severity) : finding.severity == .warning ? paint.yellow(severity) : paint.blue(severity)
                output += "\(file.path):\(located.line):\(located.column): \(coloured): \(context.message(located)) [\(finding.rule)]\n"
                if !finding.suggestion.isEmpty { output += "    \(paint.dim("→")) \(finding.suggestion)\n" }
                if context.showSourceLines, !context.redact, let line = located.sourceLine {
                    output += "    \(line)\n"
                    let prefix = String(line.unicodeScalars.prefix(max(0, located.sourceColumn - 1)).map { $0 == "\t" ? "\t" : " " })
                    let width = max(1, min(located.match.unicodeScalars.count, line.unicodeScalars.count - located.sourceColumn + 1))
                    output += "    \(prefix)\(paint.green(String(repeating: "^", count: width)))\n"
                }
                sink.write(output)
                output = ""
            }
            sink.write(output)
            output = ""
        }
        if context.summary { output += summary(files) + "\n" }
        sink.write(output)
    }

    func summary(_ files: [FileReport]) -> String {
        let findings = files.reduce(0) { $0 + $1.findings.count }
        let withFindings = files.filter { !$0.findings.isEmpty }.count
        let failed = files.filter { $0.error != nil }.count
        let noun = findings == 1 ? "bevinding" : "bevindingen"
        let fileNoun = files.count == 1 ? "bestand" : "bestanden"
        var line = "\(findings) \(noun) in \(withFindings) van \(files.count) \(fileNoun)"
        if failed > 0 { line += "; \(failed) \(failed == 1 ? "bestand" : "bestanden") niet gecontroleerd" }
        return line
    }
}

/// ANSI colours, only when enabled (a terminal, no NO_COLOR, no --no-color).
struct Painter {
    let enabled: Bool
    func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func blue(_ text: String) -> String { wrap(text, "34") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func dim(_ text: String) -> String { wrap(text, "2") }
}
