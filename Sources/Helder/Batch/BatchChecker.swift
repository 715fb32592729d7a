import Dispatch
import Foundation
import LexiconFormat

/// Options for checking many files.
public struct BatchOptions: Sendable {
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var maximumFileSize = 512 * 1_048_576
    /// Keep the source line of each finding (for carets in the text report).
    public var keepSourceLines = false
    public var zipLimits = ZipLimits()
    /// Compute the hashes `--baseline`/`--write-baseline` need (they cost a SHA-256 per finding).
    public var baselineHashes = false
    /// Plain text files larger than this are checked in chunks, in bounded memory.
    public var streamingThreshold = 16 * 1_048_576

    public init() {}
}

/// Checks files in parallel; results come back in input order, whatever the number of jobs.
public struct BatchChecker: Sendable {
    public let checker: Checker
    public let options: BatchOptions
    public let fileSystem: any FileSystem
    /// Per-glob profiles; the first match picks the checker for a path.
    let profiles: [(Glob, Profile)]
    let checkers: [Profile: Checker]

    public init(checker: Checker, options: BatchOptions = BatchOptions(), fileSystem: any FileSystem = LocalFileSystem(),
                profiles: [(Glob, Profile)] = []) {
        self.checker = checker
        self.options = options
        self.fileSystem = fileSystem
        self.profiles = profiles
        var checkers: [Profile: Checker] = [:]
        for profile in Profile.allCases {
            var settings = checker.rules.settings
            settings.profile = profile
            checkers[profile] = Checker(rules: checker.rules.with(settings: settings))
        }
        self.checkers = checkers
    }

    func checker(forPath path: String) -> Checker {
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        guard let profile = profiles.first(where: { $0.0.matches(relative) })?.1 else { return checker }
        return checkers[profile] ?? checker
    }

    public func check(_ inputs: [FileDiscovery.Input], displayPath: @Sendable (String) -> String = { $0 }) -> [FileReport] {
        let store = ResultStore(count: inputs.count)
        let jobs = max(1, min(options.jobs, inputs.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = next.take(below: inputs.count) {
                let input = inputs[index]
                let report: FileReport
                if let error = input.error {
                    report = FileReport(path: displayPath(input.path), error: error)
                } else {
                    report = checkFile(input.path, displayPath: displayPath(input.path))
                }
                store.set(index, report)
            }
        }
        return store.results()
    }

    public func checkFile(_ path: String, displayPath: String) -> FileReport {
        do {
            if case .file(let size) = fileSystem.kind(of: path), size > options.streamingThreshold,
               size <= options.maximumFileSize, DocumentReaders.reader(forPath: path) is PlainTextReader,
               fileSystem is LocalFileSystem {
                return try StreamingChecker(batch: self).check(path: path, displayPath: displayPath, checker: checker(forPath: path))
            }
            let bytes = try fileSystem.read(path, limit: options.maximumFileSize)
            return check(bytes: bytes, path: path, displayPath: displayPath)
        } catch {
            return FileReport(path: displayPath, error: error)
        }
    }

    /// Checks bytes as if read from `path` (the extension picks the reader).
    public func check(bytes: [UInt8], path: String, displayPath: String) -> FileReport {
        do {
            var reader = DocumentReaders.reader(forPath: path)
            if var docx = reader as? DOCXReader { docx.limits = options.zipLimits; reader = docx }
            if var odt = reader as? ODTReader { odt.limits = options.zipLimits; reader = odt }
            let source = try reader.read(bytes)
            return report(for: source, displayPath: displayPath, extracted: reader is DOCXReader || reader is ODTReader,
                          checker: checker(forPath: path))
        } catch {
            return FileReport(path: displayPath, error: error)
        }
    }

    public func report(for source: SourceText, displayPath: String, extracted: Bool = false, checker: Checker? = nil) -> FileReport {
        let checker = checker ?? self.checker
        let document = checker.analyze(source)
        let suppressions = Suppressions(text: source.decoded.utf8)
        var located: [LocatedFinding] = []
        let characters = extracted ? CodePointCounter(source.decoded.utf8) : nil
        var lineCursor = LineIndex.Cursor()
        for finding in checker.check(document) {
            var item = LocatedFinding(finding, in: source, cursor: &lineCursor)
            if suppressions.isSuppressed(finding, line: item.line) { continue }
            if options.baselineHashes { item.baselineHash = baselineHash(finding, in: document) }
            if let characters {
                item.characterOffset = characters.count(upTo: item.offset)
                item.characterLength = item.match.unicodeScalars.count
            }
            if options.keepSourceLines {
                (item.sourceLine, item.sourceColumn) = source.sourceExcerpt(around: finding.range.lowerBound)
            }
            located.append(item)
        }
        let words = document.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
        var report = FileReport(path: displayPath, findings: located, warnings: source.warnings, wordCount: words)
        report.isExtracted = extracted
        return report
    }
}

extension BatchChecker {
    func baselineHash(_ finding: Finding, in document: AnalyzedDocument) -> String {
        let tokens = document.tokens
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].end <= finding.range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var sentence = ""
        if low < tokens.count {
            // The sentence around the finding, at most 15 tokens each side: enough to tell repeats apart,
            // and a very long "sentence" (a line without punctuation) costs no more than a short one.
            let range = document.sentences[document.sentenceOfToken[low]]
            let window = max(range.lowerBound, low - 15)..<min(range.upperBound, low + 16)
            sentence = window.map { tokens[$0].key.isEmpty ? document.text(of: tokens[$0]) : tokens[$0].key }.joined(separator: " ")
        }
        return SHA256.hex(finding.rule + "\u{0}" + TextFolding.fold(document.source.string(finding.range)) + "\u{0}" + sentence)
    }
}

/// Results of parallel work, written once per index under a lock.
private final class ResultStore: @unchecked Sendable {
    private var values: [FileReport?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: FileReport) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func results() -> [FileReport] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}

/// Hands out indexes to workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
