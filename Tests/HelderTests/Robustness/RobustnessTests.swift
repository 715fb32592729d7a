import Foundation
import Testing
@testable import Helder

/// Bad and odd inputs: each is either checked (at most a warning) or a clear error for that file only.
@Suite struct RobustnessTests {
    let batch = BatchChecker(checker: Fixture.brief)

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("helder-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Seeded random bytes through every reader: no crash, no hang, offsets inside the input.
    /// Files are read straight into an array sized by `stat`; a file longer than `stat` said (here a
    /// `/proc` file, which says 0) is read on to its end, and one past the limit is refused.
    @Test func filesAreReadWholeWhateverStatSays() throws {
        let files = LocalFileSystem()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for size in [0, 1, 4_095, 65_537] {
            let url = directory.appendingPathComponent("f\(size).txt")
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try Data(bytes).write(to: url)
            #expect(try files.read(url.path, limit: 1 << 20) == bytes)
            if size > 1 { #expect(throws: InputError.self) { try files.read(url.path, limit: size - 1) } }
        }
        if let expected = FileManager.default.contents(atPath: "/proc/version"), !expected.isEmpty {
            #expect(try files.read("/proc/version", limit: 1 << 20) == [UInt8](expected))
            #expect(throws: InputError.self) { try files.read("/proc/version", limit: 3) }
        }
        #expect(throws: InputError.self) { try files.read(directory.appendingPathComponent("missing").path, limit: 10) }
        #expect(throws: InputError.self) { try files.read(directory.path, limit: 10) }
    }

    @Test func randomBytesNeverCrashAnyReader() {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<400 {
            let count = Int.random(in: 0...2048, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 3 == 0 { bytes = Array("De OTS en u moet «x» ".utf8) + bytes }
            if round % 5 == 0 { bytes = [0x50, 0x4B, 0x03, 0x04] + bytes }
            for ext in ["txt", "md", "html", "docx", "odt"] {
                let report = batch.check(bytes: bytes, path: "x.\(ext)", displayPath: "x.\(ext)")
                for finding in report.findings {
                    #expect(finding.line >= 1 && finding.column >= 1)
                    if ext == "txt" { #expect(finding.offset + finding.length <= bytes.count) }
                }
            }
        }
    }

    /// Property: for any document mixing corpus text with random Unicode, every finding's match equals
    /// the file's bytes at offset/length.
    @Test func matchAlwaysEqualsTheFileBytes() throws {
        var generator = SeededGenerator(seed: 11)
        let corpus = Fixture.root.appendingPathComponent("Corpus/brieven")
        let samples = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().prefix(12).map {
            MarkedText(try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8)).text
        }
        let noise = ["é", "\u{301}", "’", "😀", "\u{AD}", "\u{200B}", "\u{A0}", "\r\n", "日本", "ß", "İ", "ﬁ", "\t", "«", "»", "‐"]
        for _ in 0..<60 {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let sample = samples.randomElement(using: &generator)!
                let start = Int.random(in: 0..<max(1, sample.count - 200), using: &generator)
                text += String(sample.dropFirst(start).prefix(400))
                text += noise.randomElement(using: &generator)!
            }
            let bytes = Array(text.utf8)
            let report = batch.check(bytes: bytes, path: "x.txt", displayPath: "x.txt")
            for finding in report.findings {
                #expect(String(decoding: bytes[finding.offset..<finding.offset + finding.length], as: UTF8.self) == finding.match)
            }
        }
    }

    @Test func utf16WithoutBOMIsTextNotBinary() throws {
        var bytes: [UInt8] = []
        for unit in "De OTS wordt verlengd. U moet bellen.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let report = batch.check(bytes: bytes, path: "x.txt", displayPath: "x.txt")
        #expect(report.error == nil)
        #expect(report.findings.map(\.match) == ["OTS", "U moet"])
    }

    @Test func imageRenamedToTxtIsNotText() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(batch.check(bytes: png, path: "foto.txt", displayPath: "foto.txt").error?.description == "geen tekstbestand (het bevat binaire gegevens)")
    }

    @Test func streamingGivesTheSameFindingsAsReadingWhole() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = ""
        var number = 0
        while text.utf8.count < 400_000 {
            number += 1
            text += "Alinea \(number): de OTS en de risicotaxatie. Café één: u moet bellen. Moeder weigert mee te werken.\n"
            if number % 7 == 0 { text += "\n" }
        }
        // One long line without any newline, to force cuts at spaces.
        text += String(repeating: "lange regel met de GI erin ", count: 4_000)
        let file = directory.appendingPathComponent("groot.txt")
        try Data(text.utf8).write(to: file)
        var whole = BatchOptions()
        whole.streamingThreshold = .max
        var streamed = BatchOptions()
        streamed.streamingThreshold = 1
        let a = BatchChecker(checker: Fixture.brief, options: whole).checkFile(file.path, displayPath: "groot.txt")
        var streaming = StreamingChecker(batch: BatchChecker(checker: Fixture.brief, options: streamed))
        streaming.chunkSize = 50_000
        var parts: [FileReport] = []
        streaming.check(path: file.path, displayPath: "groot.txt", checker: Fixture.brief) { parts.append($0) }
        #expect(parts.count > 5)
        #expect(parts.dropLast().allSatisfy(\.continues) && parts.last?.continues == false)
        let b = parts.dropFirst().reduce(parts[0]) { $0.joined(with: $1) }
        #expect(a.findings.count == b.findings.count)
        #expect(a.findings.map(\.offset) == b.findings.map(\.offset))
        #expect(a.findings.map(\.line) == b.findings.map(\.line))
        #expect(a.findings.map(\.column) == b.findings.map(\.column))
        #expect(a.wordCount == b.wordCount)
        // Every format writes the same report from the parts as from the file in one piece.
        let context = ReportContext(rules: Fixture.brief.rules.descriptions)
        for format in ReportFormat.allCases {
            #expect(format.reporter.report(parts, context: context) == format.reporter.report([b], context: context), "\(format)")
        }
        // The audit counts the parts as one document.
        #expect(AuditReport(parts).documents.count == 1)
        #expect(AuditReport(parts).json(redact: false) == AuditReport([b]).json(redact: false))
    }

    @Test func manyTinyFilesDeepFoldersAndOddNames() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let many = root.appendingPathComponent("veel")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
        let content = Data("De OTS.".utf8)
        for index in 0..<100_000 {
            #expect(FileManager.default.createFile(atPath: many.appendingPathComponent("b\(index).txt").path, contents: content))
        }
        var deep = root.appendingPathComponent("diep")
        for level in 0..<120 { deep = deep.appendingPathComponent("d\(level)") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try content.write(to: deep.appendingPathComponent("onderin.txt"))
        for name in ["met spatie.txt", "café één.txt", "regel\neinde.txt"] {
            try content.write(to: root.appendingPathComponent(name))
        }
        let inputs = FileDiscovery().discover([root.path])
        #expect(inputs.count == 100_000 + 1 + 3)
        let reports = BatchChecker(checker: Fixture.brief).check(inputs)
        #expect(reports.allSatisfy { $0.error == nil && $0.findings.count == 1 })
        let json = JSONReporter().report(reports.filter { $0.path.contains("regel") }, context: ReportContext(rules: [:]))
        #expect(json.contains("regel\\neinde.txt"))
    }
}
