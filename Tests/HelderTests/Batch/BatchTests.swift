import Foundation
import Testing
@testable import Helder
import LexiconFormat

@Suite struct BatchTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("helder-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func discoveryFollowsIncludesExcludesIgnoreFilesAndSurvivesLinkLoops() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("De OTS.", root.appendingPathComponent("a.txt"))
        try write("De OTS.", root.appendingPathComponent("sub/b.md"))
        try write("De OTS.", root.appendingPathComponent("sub/skip.txt"))
        try write("x", root.appendingPathComponent("sub/c.pdf"))
        try write("De OTS.", root.appendingPathComponent("oud/d.txt"))
        try write("oud/\n*skip*\n", root.appendingPathComponent(".helderignore"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: root.path)
        let found = FileDiscovery().discover([root.path]).map { String($0.path.dropFirst(root.path.count + 1)) }
        #expect(found == ["a.txt", "sub/b.md"])
        // Upper-case extensions are found; a nested .helderignore matches relative to its own folder.
        try write("De OTS.", root.appendingPathComponent("sub/GROOT.TXT"))
        try write("/alleen-hier.txt\n", root.appendingPathComponent("sub/.helderignore"))
        try write("De OTS.", root.appendingPathComponent("sub/alleen-hier.txt"))
        let again = FileDiscovery().discover([root.path]).map { String($0.path.dropFirst(root.path.count + 1)) }
        #expect(again == ["a.txt", "sub/GROOT.TXT", "sub/b.md"])
        var discovery = FileDiscovery()
        discovery.excludes = [Glob("*.md"), Glob("*.TXT")]
        #expect(discovery.discover([root.path]).count == 1)
        #expect(FileDiscovery().discover([root.appendingPathComponent("weg").path]).first?.error == .notFound)
    }

    /// The walk visits each folder's entries in the order their paths sort, so files come out sorted with
    /// no sort at the end, also where a folder's name is the start of a file's (`a/…` and `a-b.txt`).
    /// Checking while discovering gives the reports of checking the discovered list, for any number of jobs.
    @Test func discoveryComesInPathOrderAndCheckingWhileDiscoveringGivesTheSameReports() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let names = ["a.txt", "a/b.txt", "a-b.txt", "a b.txt", "a.b/c.txt", "a/a/z.txt", "a/a.txt", "B.txt", "é.txt", "e.txt",
                     "z/0.txt", "a0.txt", "Z.txt", "a/a-z/y.txt", "a/a z.txt", "a!/x.txt", "a~.txt"]
        for (index, name) in names.enumerated() { try write("Brief \(index): de OTS en u moet bellen.", root.appendingPathComponent(name)) }
        let inputs = FileDiscovery().discover([root.path])
        let paths = inputs.map(\.path)
        #expect(paths == paths.sorted())
        #expect(paths.count == names.count)
        var streamed: [FileDiscovery.Input] = []
        FileDiscovery().discover([root.path, root.appendingPathComponent("weg").path]) { streamed.append($0) }
        #expect(streamed.dropLast() == inputs[...])
        #expect(streamed.last?.error == .notFound)
        for jobs in [1, 2, 4] {
            var options = BatchOptions()
            options.jobs = jobs
            let batch = BatchChecker(checker: Fixture.brief, options: options)
            var reports: [FileReport] = []
            batch.check(discovering: [root.path, root.appendingPathComponent("weg").path], with: FileDiscovery()) { reports.append($0) }
            let listed = batch.check(streamed)
            #expect(reports.map(\.path) == listed.map(\.path), "jobs \(jobs)")
            #expect(reports.map { $0.findings.map(\.offset) } == listed.map { $0.findings.map(\.offset) }, "jobs \(jobs)")
            #expect(reports.last?.error == .notFound)
        }
    }

    @Test func outputOrderIsTheSameForAnyNumberOfJobs() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<40 { try write("Brief \(index): de OTS en u moet bellen.", root.appendingPathComponent("brief-\(index).txt")) }
        let inputs = FileDiscovery().discover([root.path])
        var one = BatchOptions()
        one.jobs = 1
        var four = BatchOptions()
        four.jobs = 4
        let first = BatchChecker(checker: Fixture.brief, options: one).check(inputs).map { "\($0.path) \($0.findings.map(\.offset))" }
        let second = BatchChecker(checker: Fixture.brief, options: four).check(inputs).map { "\($0.path) \($0.findings.map(\.offset))" }
        #expect(first == second)
        #expect(first.count == 40)
    }

    /// A batch checker keeps its workers' match caches between runs: a second run starts with the words
    /// the first one worked out, and gives the same reports.
    @Test func matchCachesAreKeptBetweenRuns() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<6 { try write("Brief \(index): de OTS en u moet bellen over de ondertoezichtstelling.", root.appendingPathComponent("brief-\(index).txt")) }
        let inputs = FileDiscovery().discover([root.path])
        var options = BatchOptions()
        options.jobs = 2
        let batch = BatchChecker(checker: Fixture.brief, options: options)
        let first = batch.check(inputs).map { "\($0.path) \($0.findings.map(\.offset))" }
        let cache = batch.caches.take()
        #expect(cache.plans.count > 0)
        batch.caches.giveBack(cache)
        let second = batch.check(inputs).map { "\($0.path) \($0.findings.map(\.offset))" }
        #expect(first == second)
        #expect(first.count == 6)
        // The same cache objects: the second run made no new ones.
        let idle = [batch.caches.take(), batch.caches.take()].map(ObjectIdentifier.init)
        #expect(idle.contains(ObjectIdentifier(cache)))
    }

    /// Reports are handed on one by one in input order while workers run; a large file comes in parts
    /// that are never interleaved with other files, and joined they equal the file checked whole.
    @Test func deliveryIsInOrderAndLargeFilesComeInParts() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<30 { try write("Brief \(index): de OTS en u moet bellen.", root.appendingPathComponent("brief-\(index).txt")) }
        try write(String(repeating: "De GI belt. Moeder weigert mee te werken.\n\n", count: 1_500), root.appendingPathComponent("brief-15-groot.txt"))
        let inputs = FileDiscovery().discover([root.path])
        for jobs in [1, 2, 4] {
            var options = BatchOptions()
            options.jobs = jobs
            options.streamingThreshold = 30_000
            options.streamingChunkSize = 10_000
            var parts: [FileReport] = []
            BatchChecker(checker: Fixture.brief, options: options).check(inputs) { parts.append($0) }
            let large = parts.filter { $0.path.hasSuffix("groot.txt") }
            #expect(large.count > 2)
            // Paths in input order, each file's parts together, only a file's last part closing it.
            var closed: [String] = []
            for (index, part) in parts.enumerated() where !part.continues {
                if index > 0, parts[index - 1].continues { #expect(parts[index - 1].path == part.path) }
                closed.append(part.path)
            }
            #expect(closed == inputs.map(\.path))
            var whole = options
            whole.streamingThreshold = .max
            let path = root.appendingPathComponent("brief-15-groot.txt").path
            let expected = BatchChecker(checker: Fixture.brief, options: whole).checkFile(path, displayPath: path)
            let joined = large.dropFirst().reduce(large[0]) { $0.joined(with: $1) }
            #expect(joined.findings.map(\.offset) == expected.findings.map(\.offset))
            #expect(joined.findings.count == 3_000)
        }
    }

    /// Token offsets are 32-bit: a text longer than that is refused with a clear error, not checked
    /// with wrong offsets (the limit is lowered here to try it).
    @Test func textLongerThanTokenOffsetsIsRefused() throws {
        var options = BatchOptions()
        options.maximumTextLength = 2 * 1_048_576
        let checker = BatchChecker(checker: Fixture.brief, options: options)
        let long = Array(String(repeating: "De GI belt morgen.\n", count: 120_000).utf8)
        let refused = checker.check(bytes: long, path: "lang.md", displayPath: "lang.md")
        #expect(refused.findings.isEmpty)
        #expect(refused.error?.description.contains("te groot") == true)
        let short = checker.check(bytes: Array("De GI belt morgen.\n".utf8), path: "kort.md", displayPath: "kort.md")
        #expect(short.error == nil)
        #expect(!short.findings.isEmpty)
    }

    /// A file that disappears between discovery and reading is an error for that file only.
    @Test func vanishingFileIsAnErrorAndTheBatchGoesOn() throws {
        struct VanishingFileSystem: FileSystem {
            let real = LocalFileSystem()
            func kind(of path: String) -> FileKind { real.kind(of: path) }
            func contents(ofDirectory path: String) throws -> [String] { try real.contents(ofDirectory: path) }
            func identity(of path: String) -> String? { real.identity(of: path) }
            func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
                if path.hasSuffix("weg.txt") { throw .notFound }
                return try real.read(path, limit: limit)
            }
        }
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("De OTS.", root.appendingPathComponent("a.txt"))
        try write("De OTS.", root.appendingPathComponent("weg.txt"))
        let reports = BatchChecker(checker: Fixture.brief, fileSystem: VanishingFileSystem()).check(FileDiscovery().discover([root.path]))
        #expect(reports.map { $0.error == nil } == [true, false])
        #expect(reports[0].findings.count == 1)
    }

    @Test func inlineSuppressions() {
        let text = """
            De OTS.
            helder-disable-next-line abbreviation - citaat
            De OTS.
            <!-- helder-disable directive -->
            U moet bellen. De GI.
            <!-- helder-enable directive -->
            U moet bellen.
            """
        let report = BatchChecker(checker: Fixture.brief).check(bytes: Array(text.utf8), path: "a.txt", displayPath: "a.txt")
        #expect(report.findings.map(\.line) == [1, 5, 7])
        #expect(report.findings.map(\.finding.rule) == ["abbreviation.unexplained", "abbreviation.unexplained", "directive.obligation"])
    }

    @Test func baselineKeepsOnlyNewFindingsAfterEditsElsewhere() throws {
        var options = BatchOptions()
        options.baselineHashes = true
        let batch = BatchChecker(checker: Fixture.brief, options: options)
        let before = batch.check(bytes: Array("De OTS wordt verlengd.\nU moet bellen.\n".utf8), path: "a.txt", displayPath: "a.txt")
        let baseline = Baseline(reports: [before])
        let rendered = baseline.rendered()
        #expect(!rendered.contains("OTS"))
        let reloaded = try Baseline(json: rendered)
        let after = batch.check(bytes: Array("Nieuw bovenaan.\n\nDe OTS wordt verlengd.\nU moet bellen.\nDe GI belt.\n".utf8), path: "a.txt", displayPath: "a.txt")
        let filtered = reloaded.filter([after])
        #expect(filtered[0].findings.map(\.match) == ["GI"])
    }

    @Test func placeholdersAreReportedOnlyWhenAsked() {
        var settings = RuleSettings()
        settings.reportPlaceholders = true
        let checker = Checker(rules: Fixture.brief.rules.with(settings: settings))
        let text = "Beste «Naam ouder», op {{datum}} komt [NAAM KIND] langs."
        #expect(Fixture.brief.check(SourceText(string: text)).isEmpty)
        let findings = checker.check(SourceText(string: text))
        #expect(findings.map(\.rule) == ["template.placeholder", "template.placeholder", "template.placeholder"])
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func configurationWarnsWithLineAndParsesEverything() throws {
        let yaml = """
            profile: dossier
            paths:
              "brieven/**": brief
            rules:
              disable: [jargn, blame]
              severity:
                directive: error
            accept: [Lindeland]
            fail_on: error
            onbekend: 1
            """
        let names = Set(Fixture.lexicons.rules.map(\.id) + Category.allCases.map(\.rawValue))
        let configuration = try Configuration.parse(yaml, name: ".helder.yml", knownNames: names)
        #expect(configuration.profile == .dossier)
        #expect(configuration.profile(forPath: "brieven/a.txt") == .brief)
        #expect(configuration.disabled == ["blame"])
        #expect(configuration.severities["directive"] == .error)
        #expect(configuration.failOn == "error")
        #expect(configuration.warnings.contains { $0.hasPrefix(".helder.yml:5:") && $0.contains("bedoelde je 'jargon'") })
        #expect(configuration.warnings.contains { $0.hasPrefix(".helder.yml:10:") && $0.contains("onbekend") })
        #expect(throws: Configuration.ParseError.self) { try Configuration.parse("rules: [: :", name: "x", knownNames: names) }
    }

    @Test func settingsChangeWhatIsReported() {
        var settings = RuleSettings()
        settings.disabled = ["abbreviation"]
        settings.severities = ["directive.obligation": .error]
        settings.accepted = ["risicotaxatie"]
        let checker = Checker(rules: Fixture.brief.rules.with(settings: settings))
        let findings = checker.check(SourceText(string: "De OTS en de risicotaxatie. U moet bellen."))
        #expect(findings.map(\.rule) == ["directive.obligation"])
        #expect(findings[0].severity == .error)
    }

    @Test func globsMatchLikeGitignore() {
        #expect(Glob("*.md").matches("a/b/c.md"))
        #expect(Glob("dossier/**").matches("dossier/x/y.txt"))
        #expect(Glob("**/tmp").matches("tmp"))
        #expect(!Glob("/a.txt").matches("b/a.txt"))
        #expect(Glob("brief-[0-9].txt").matches("brief-3.txt"))
        #expect(IgnoreRules("*.txt\n!keep.txt").isIgnored("x.txt", isDirectory: false))
        #expect(!IgnoreRules("*.txt\n!keep.txt").isIgnored("keep.txt", isDirectory: false))
    }
}
