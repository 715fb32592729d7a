import LexiconFormat

/// The output formats of `helder check`. Raw values are the `--format` names.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, checkstyle, gitlab

    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        case .checkstyle: CheckstyleReporter()
        case .gitlab: GitLabReporter()
        }
    }
}

/// What reporters may need besides the files.
public struct ReportContext: Sendable {
    public var rules: [String: RuleDescription]
    public var color = false
    public var showSourceLines = false
    /// Replace matched text and source lines by the rule id (for CI logs without client text).
    public var redact = false
    public var toolVersion = HelderVersion.current
    /// Where relative URIs start (SARIF `%SRCROOT%`).
    public var rootPath = ""
    /// End the text report with a one-line summary (off with `--quiet`).
    public var summary = true

    public init(rules: [String: RuleDescription]) {
        self.rules = rules
    }

    func match(_ finding: LocatedFinding) -> String {
        redact ? "[\(finding.finding.rule)]" : finding.match
    }

    func message(_ finding: LocatedFinding) -> String {
        guard redact else { return finding.finding.message }
        return rules[finding.finding.rule]?.message.replacingOccurrences(of: "'{match}' ", with: "")
            .replacingOccurrences(of: "{match}", with: "[\(finding.finding.rule)]") ?? finding.finding.rule
    }
}

/// Turns file reports into one output format. One small type per format.
public protocol Reporter: Sendable {
    /// Writes the report piece by piece, so a large report never has to sit in memory whole.
    func write(_ files: [FileReport], context: ReportContext, to output: inout some TextOutputStream)
}

extension Reporter {
    /// The whole report as one string (tests, small outputs).
    public func report(_ files: [FileReport], context: ReportContext) -> String {
        var text = ""
        write(files, context: context, to: &text)
        return text
    }
}

public enum HelderVersion {
    public static let current = "0.1.0"
}
