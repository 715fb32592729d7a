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
    /// How much of a large file is read and checked at a time. Each chunk works out its distinct words
    /// anew; with 4 MB instead of 1 MB a 100 MB file took a fifth less time and 59 MB instead of 34 MB.
    public var streamingChunkSize = 4 * 1_048_576
    /// The longest text checked whole: token offsets are 32-bit (`Token`). Plain text this large is
    /// checked in chunks anyway; other files this large are refused.
    public var maximumTextLength = Int(UInt32.max)

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
    /// The workers' match caches, kept between runs: a process that checks one request after another
    /// keeps its per-word work, and a command-line run ends without taking thousands of plans apart.
    let caches = MatchCachePool()

    public init(checker: Checker, options: BatchOptions = BatchOptions(), fileSystem: any FileSystem = LocalFileSystem(),
                profiles: [(Glob, Profile)] = []) {
        self.checker = checker
        self.options = options
        self.fileSystem = fileSystem
        self.profiles = profiles
        var checkers: [Profile: Checker] = [:]
        // Only per-path profiles need a checker per profile (building them costs start-up time).
        for profile in Profile.allCases where !profiles.isEmpty {
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

    /// Checks files in parallel and collects their reports (parts of large files joined), in input order.
    public func check(_ inputs: [FileDiscovery.Input], displayPath: @Sendable (String) -> String = { $0 }) -> [FileReport] {
        var reports: [FileReport] = []
        check(inputs, displayPath: displayPath) { part in
            if let last = reports.last, last.continues {
                reports[reports.count - 1] = last.joined(with: part)
            } else {
                reports.append(part)
            }
        }
        return reports
    }

    /// Checks files in parallel and hands each report to `deliver` as soon as all earlier files are
    /// delivered: in input order, one call at a time. A large plain text file comes in parts (all but the
    /// last with `continues` set), so its findings need not be held until the whole file is checked.
    /// Workers run at most a bounded number of files ahead of delivery, so memory stays bounded too.
    public func check(_ inputs: [FileDiscovery.Input], displayPath: @Sendable (String) -> String = { $0 },
                      deliver: (FileReport) -> Void) {
        check(InputQueue(inputs), jobs: max(1, min(options.jobs, inputs.count)), discover: nil,
              displayPath: displayPath, deliver: deliver)
    }

    /// Checks what `discovery` finds below `paths`, as `check(_:displayPath:deliver:)` does, while it is
    /// still looking: one worker walks the folders first and the others start on the files it has found
    /// (walking 20,000 files takes as long as checking a hundred of them).
    public func check(discovering paths: [String], with discovery: FileDiscovery,
                      displayPath: @Sendable (String) -> String = { $0 }, deliver: (FileReport) -> Void) {
        let inputs = InputQueue([], finished: false)
        check(inputs, jobs: max(1, options.jobs), discover: {
            discovery.discover(paths) { inputs.append($0) }
            inputs.finish()
        }, displayPath: displayPath, deliver: deliver)
    }

    private func check(_ inputs: InputQueue, jobs: Int, discover: (@Sendable () -> Void)?, displayPath: @Sendable (String) -> String,
                       deliver: (FileReport) -> Void) {
        withoutActuallyEscaping(deliver) { deliver in
            let delivery = OrderedDelivery(window: jobs * 32, deliver: deliver)
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: jobs) { worker in
                if worker == 0, let discover { discover() }
                let cache = caches.take()
                defer { caches.giveBack(cache) }
                while let index = next.take(), let input = inputs.input(at: index) {
                    delivery.waitForTurnWithin(index)
                    if let error = input.error {
                        delivery.deliverPart(index, FileReport(path: displayPath(input.path), error: error))
                    } else {
                        checkFile(input.path, displayPath: displayPath(input.path), cache: cache) { delivery.deliverPart(index, $0) }
                    }
                }
            }
        }
    }

    /// A plain text file too large to hold whole: checked in chunks and reported part by part.
    func streams(_ path: String) -> Bool {
        guard case .file(let size) = fileSystem.kind(of: path) else { return false }
        return size > options.streamingThreshold && size <= options.maximumFileSize
            && DocumentReaders.reader(forPath: path) is PlainTextReader && fileSystem is LocalFileSystem
    }

    /// Checks one file and hands on its report, or (for a large text file) its report part by part.
    func checkFile(_ path: String, displayPath: String, cache: MatchCache, deliverPart: (FileReport) -> Void) {
        if streams(path) {
            StreamingChecker(batch: self).check(path: path, displayPath: displayPath, checker: checker(forPath: path),
                                                cache: cache, deliver: deliverPart)
            return
        }
        do {
            let bytes = try fileSystem.read(path, limit: options.maximumFileSize)
            deliverPart(check(bytes: bytes, path: path, displayPath: displayPath, cache: cache))
        } catch {
            deliverPart(FileReport(path: displayPath, error: error))
        }
    }

    /// Checks one file; the parts of a large text file are joined into one report.
    public func checkFile(_ path: String, displayPath: String, cache: MatchCache = MatchCache()) -> FileReport {
        var report: FileReport?
        checkFile(path, displayPath: displayPath, cache: cache) { part in
            report = report.map { $0.joined(with: part) } ?? part
        }
        return report ?? FileReport(path: displayPath, error: .empty)
    }

    /// Checks bytes as if read from `path` (the extension picks the reader).
    public func check(bytes: [UInt8], path: String, displayPath: String, cache: MatchCache = MatchCache()) -> FileReport {
        do throws(InputError) {
            var reader = DocumentReaders.reader(forPath: path)
            if var docx = reader as? DOCXReader { docx.limits = options.zipLimits; reader = docx }
            if var odt = reader as? ODTReader { odt.limits = options.zipLimits; reader = odt }
            let source = try reader.read(bytes)
            guard source.text.count <= options.maximumTextLength else {
                throw .invalidDocument("de tekst is te groot om in één keer te controleren (meer dan \(options.maximumTextLength / 1_048_576) MB)")
            }
            return report(for: source, displayPath: displayPath, extracted: reader is DOCXReader || reader is ODTReader,
                          checker: checker(forPath: path), cache: cache)
        } catch {
            return FileReport(path: displayPath, error: error)
        }
    }

    public func report(for source: SourceText, displayPath: String, extracted: Bool = false, checker: Checker? = nil,
                       cache: MatchCache = MatchCache()) -> FileReport {
        let checker = checker ?? self.checker
        let document = checker.analyze(source)
        let suppressions = Suppressions(text: source.decoded.utf8)
        var located: [LocatedFinding] = []
        let characters = extracted ? CodePointCounter(source.decoded.utf8) : nil
        var lineCursor = LineIndex.Cursor()
        var findings = checker.check(document, cache: cache)
        located.reserveCapacity(findings.count)
        // Each finding is moved into its located finding, not copied (six strings to count references
        // to): taken from the end of the reversed list, since reversing in storage swaps and popping
        // moves.
        findings.withUnsafeMutableBufferPointer { $0.reverse() }
        while let finding = findings.popLast() {
            // Appended as made and then changed in the list: a `var` changed first and appended after was
            // copied into the list and let go of (nine strings to count references to, per finding).
            let item = LocatedFinding(finding, in: source, cursor: &lineCursor)
            located.append(item)
            let last = located.count - 1
            if suppressions.isSuppressed(located[last].finding, line: located[last].line) {
                located.removeLast()
                continue
            }
            if options.baselineHashes { located[last].baselineHash = baselineHash(located[last].finding, in: document) }
            if let characters {
                located[last].characterOffset = characters.count(upTo: located[last].offset)
                located[last].characterLength = located[last].match.unicodeScalars.count
            }
            if options.keepSourceLines {
                (located[last].sourceLine, located[last].sourceColumn) = source.sourceExcerpt(around: located[last].finding.range.lowerBound)
            }
        }
        var report = FileReport(path: displayPath, findings: located, warnings: source.warnings, wordCount: document.wordCount)
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
            let range = document.sentences[document.sentence(ofToken: low)]
            let window = max(range.lowerBound, low - 15)..<min(range.upperBound, low + 16)
            sentence = window.map { document.keyIndex[$0] < 0 ? document.text(of: tokens[$0]) : document.key($0) }.joined(separator: " ")
        }
        return SHA256.hex(finding.rule + "\u{0}" + TextFolding.fold(document.source.string(finding.range)) + "\u{0}" + sentence)
    }
}

/// Hands finished reports to the consumer in input order, one call at a time, outside the lock.
private final class OrderedDelivery: @unchecked Sendable {
    private let condition = NSCondition()
    /// The index of the next file to deliver.
    private var nextIndex = 0
    /// Finished files waiting for all earlier ones.
    private var waiting: [Int: FileReport] = [:]
    /// Some worker is calling `deliver` now.
    private var delivering = false
    private let window: Int
    private let deliver: (FileReport) -> Void

    init(window: Int, deliver: @escaping (FileReport) -> Void) {
        self.window = window
        self.deliver = deliver
    }

    /// Keeps workers from running far ahead of a slow file (and piling up its successors' reports).
    func waitForTurnWithin(_ index: Int) {
        condition.lock()
        while index >= nextIndex + window { condition.wait() }
        condition.unlock()
    }

    /// A whole report (or the last part of a large file) is delivered in its turn by whichever worker is
    /// delivering then; its own worker goes on. A part with more to follow blocks its worker until every
    /// earlier file is delivered, so the parts of a large file go straight out instead of being held.
    func deliverPart(_ index: Int, _ part: FileReport) {
        condition.lock()
        defer { condition.unlock() }
        guard part.continues else {
            waiting[index] = part
            drain()
            return
        }
        while index != nextIndex || delivering { condition.wait() }
        delivering = true
        condition.unlock()
        deliver(part)
        condition.lock()
        delivering = false
        condition.broadcast()
    }

    /// Delivers waiting reports in order while this worker holds the delivering role. Call locked.
    private func drain() {
        guard !delivering else { return }
        delivering = true
        while let report = waiting.removeValue(forKey: nextIndex) {
            nextIndex += 1
            condition.unlock()
            deliver(report)
            condition.lock()
        }
        delivering = false
        condition.broadcast()
    }
}

/// Match caches not in use by a worker. A cache is only ever used by the worker that took it.
final class MatchCachePool: @unchecked Sendable {
    private var idle: [MatchCache] = []
    private let lock = NSLock()

    func take() -> MatchCache {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? MatchCache()
    }

    func giveBack(_ cache: MatchCache) {
        lock.lock()
        defer { lock.unlock() }
        idle.append(cache)
    }
}

/// Hands out indexes to workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// The inputs to check, all known up front or added while discovery goes on: a worker asking for one
/// not found yet waits for it, or for discovery to end without it.
private final class InputQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var inputs: [FileDiscovery.Input]
    private var finished: Bool

    init(_ inputs: [FileDiscovery.Input], finished: Bool = true) {
        self.inputs = inputs
        self.finished = finished
    }

    func append(_ input: FileDiscovery.Input) {
        condition.lock()
        inputs.append(input)
        condition.broadcast()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The input with this index; nil when discovery ended with fewer.
    func input(at index: Int) -> FileDiscovery.Input? {
        condition.lock()
        defer { condition.unlock() }
        while index >= inputs.count && !finished { condition.wait() }
        return index < inputs.count ? inputs[index] : nil
    }
}

extension FileReport {
    /// This part followed by the next part of the same file.
    public func joined(with next: FileReport) -> FileReport {
        var joined = self
        joined.findings += next.findings
        joined.warnings += next.warnings
        joined.wordCount += next.wordCount
        joined.error = next.error ?? error
        joined.continues = next.continues
        return joined
    }
}
