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

/// Where a report is written: text, and bytes already in UTF-8 (the JSON reporter's findings), taken as
/// they are instead of through a String made, checked and copied per finding.
public protocol ReportOutput: TextOutputStream {
    /// Appends valid UTF-8.
    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
}

extension String: ReportOutput {
    public mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        append(String(decoding: bytes, as: UTF8.self))
    }
}

/// Turns file reports into one output format. One small type per format.
public protocol Reporter: Sendable {
    /// A writer for one report; it keeps what it needs between files (separators, totals, open elements).
    func makeWriter(context: ReportContext) -> any ReportWriter
}

/// Writes one report as the files arrive, so neither a batch nor a large file sits in memory whole.
public protocol ReportWriter {
    mutating func begin(to output: inout some ReportOutput)
    /// One file, or one part of a large file: the parts of a file come one after another, and every part
    /// but the last has `continues` set.
    mutating func write(_ file: FileReport, to output: inout some ReportOutput)
    mutating func end(to output: inout some ReportOutput)
}

extension Reporter {
    /// Writes a whole report for files that are all at hand.
    public func write(_ files: [FileReport], context: ReportContext, to output: inout some ReportOutput) {
        var writer = makeWriter(context: context)
        writer.begin(to: &output)
        for file in files { writer.write(file, to: &output) }
        writer.end(to: &output)
    }

    /// The whole report as one string (tests, small outputs).
    public func report(_ files: [FileReport], context: ReportContext) -> String {
        var text = ""
        write(files, context: context, to: &text)
        return text
    }
}

/// Counts files and findings as parts arrive, for summaries and headers.
struct ReportTotals {
    private(set) var files = 0
    private(set) var filesWithFindings = 0
    private(set) var failedFiles = 0
    private(set) var findings = 0
    /// The previous part said more of its file follows.
    private(set) var inFile = false
    private var currentHasFindings = false

    /// Counts a part (a whole file, or one part of a large file).
    mutating func add(_ part: FileReport) {
        if !inFile {
            files += 1
            currentHasFindings = false
        }
        findings += part.findings.count
        if !part.findings.isEmpty, !currentHasFindings {
            currentHasFindings = true
            filesWithFindings += 1
        }
        if part.error != nil { failedFiles += 1 }
        inFile = part.continues
    }
}

public enum HelderVersion {
    public static let current = "0.1.0"
}
