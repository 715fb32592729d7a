import LexiconFormat

/// `path:line:column: severity: message [rule]`, the suggestion below it and, on a terminal, the source
/// line with a caret under the match. Ends with a one-line summary.
public struct TextReporter: Reporter {
    public init() {}

    static let severityNames: [Severity: String] = [.error: "fout", .warning: "waarschuwing", .info: "info"]

    public func makeWriter(context: ReportContext) -> any ReportWriter { Writer(context: context) }

    struct Writer: ReportWriter {
        let context: ReportContext
        let paint: Painter
        var totals = ReportTotals()

        init(context: ReportContext) {
            self.context = context
            self.paint = Painter(enabled: context.color)
        }

        mutating func begin(to output: inout some ReportOutput) {}

        mutating func write(_ file: FileReport, to sink: inout some ReportOutput) {
            totals.add(file)
            var output = ""
            if let error = file.error {
                output += "\(file.path): \(paint.red("fout")): \(error.description)\n"
            }
            for warning in file.warnings {
                output += "\(file.path): \(paint.yellow("let op")): \(warning.message)\n"
            }
            sink.write(output)
            for located in file.findings {
                sink.write(lines(for: located, in: file))
            }
        }

        func lines(for located: LocatedFinding, in file: FileReport) -> String {
            let finding = located.finding
            let severity = TextReporter.severityNames[finding.severity] ?? finding.severity.rawValue
            let coloured = finding.severity == .error ? paint.red(severity) : finding.severity == .warning ? paint.yellow(severity) : paint.blue(severity)
            var output = "\(file.path):\(located.line):\(located.column): \(coloured): \(context.message(located)) [\(finding.rule)]\n"
            if !finding.suggestion.isEmpty { output += "    \(paint.dim("→")) \(finding.suggestion)\n" }
            if context.showSourceLines, !context.redact, let line = located.sourceLine {
                output += "    \(line)\n"
                let prefix = String(line.unicodeScalars.prefix(max(0, located.sourceColumn - 1)).map { $0 == "\t" ? "\t" : " " })
                let width = max(1, min(located.match.unicodeScalars.count, line.unicodeScalars.count - located.sourceColumn + 1))
                output += "    \(prefix)\(paint.green(String(repeating: "^", count: width)))\n"
            }
            return output
        }

        mutating func end(to output: inout some ReportOutput) {
            if context.summary { output.write(TextReporter.summary(totals) + "\n") }
        }
    }

    static func summary(_ totals: ReportTotals) -> String {
        let findings = totals.findings
        let noun = findings == 1 ? "bevinding" : "bevindingen"
        let fileNoun = totals.files == 1 ? "bestand" : "bestanden"
        var line = "\(findings) \(noun) in \(totals.filesWithFindings) van \(totals.files) \(fileNoun)"
        let failed = totals.failedFiles
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
