import LexiconFormat

/// A finding with its place in the file: what every reporter prints.
public struct LocatedFinding: Sendable, Hashable {
    public var finding: Finding
    /// Byte offset and length in the file (for docx/odt: in the extracted text).
    public var offset: Int
    public var length: Int
    public var line: Int
    public var column: Int
    /// The file's text at offset/length.
    public var match: String
    /// Code-point offset and length in the extracted text (docx/odt only, for SARIF `charOffset`).
    public var characterOffset: Int?
    public var characterLength: Int?
    /// SHA-256 of the folded match and its sentence: how a baseline recognizes a finding after edits
    /// elsewhere, without storing client text.
    public var baselineHash = ""

    /// The source line around the match (a window of it on long lines), for carets in the text report.
    public var sourceLine: String?
    /// 1-based column of the match in `sourceLine`.
    public var sourceColumn = 1

    public init(_ finding: Finding, in source: SourceText) {
        var cursor = LineIndex.Cursor()
        self.init(finding, in: source, cursor: &cursor)
    }

    public init(_ finding: Finding, in source: SourceText, cursor: inout LineIndex.Cursor) {
        self.finding = finding
        let range = source.fileRange(finding.range)
        offset = range.lowerBound
        length = range.count
        (line, column) = source.location(of: finding.range.lowerBound, cursor: &cursor)
        match = source.matchText(finding.range)
    }
}

/// The result of checking one file.
public struct FileReport: Sendable {
    /// The path as the user gave it or as found below a folder, relative where possible.
    public var path: String
    public var findings: [LocatedFinding]
    public var warnings: [InputWarning]
    /// Why the file could not be checked; nil when it was.
    public var error: InputError?
    public var wordCount: Int
    /// True when the "file" is text extracted from a document (docx/odt): lines are paragraphs.
    public var isExtracted = false
    /// More parts of this file follow: a large file is reported chunk by chunk, in order.
    public var continues = false

    public init(path: String, findings: [LocatedFinding] = [], warnings: [InputWarning] = [],
                error: InputError? = nil, wordCount: Int = 0) {
        self.path = path
        self.findings = findings
        self.warnings = warnings
        self.error = error
        self.wordCount = wordCount
    }
}
