import Foundation
import Helder
import Testing

/// Runs the built `helder` binary: exit codes and one-line errors are part of the contract.
@Suite struct CommandLineTests {
    static var binary: URL {
        let build = Fixture.root.appendingPathComponent(".build")
        for configuration in ["debug", "release"] {
            let candidate = build.appendingPathComponent(configuration).appendingPathComponent("helder")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return build.appendingPathComponent("debug/helder")
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("helder-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func tokenizeRejectsBadInputWithOneLineAndExitTwo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("plaatje.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3]).write(to: binary)
        let empty = directory.appendingPathComponent("leeg.txt")
        try Data().write(to: empty)
        for path in [binary.path, empty.path, directory.appendingPathComponent("bestaat-niet.txt").path, directory.path] {
            let result = try run(["tokenize", path])
            #expect(result.status == 2, "\(path)")
            #expect(result.err.split(separator: "\n").count == 1, "\(path): \(result.err)")
            #expect(result.err.hasPrefix(path))
        }
    }

    @Test func tokenizeTSVHasCodePointOffsetsAndSentenceBreaks() throws {
        let result = try run(["tokenize", "-"], stdin: Data("Één zin. Nog één.".utf8))
        #expect(result.status == 0)
        #expect(result.out == "0\t3\tÉén\n4\t7\tzin\n7\t8\t.\n\n9\t12\tNog\n13\t16\tééN".replacingOccurrences(of: "ééN", with: "één") + "\n16\t17\t.\n\n")
    }

    @Test func checkExitCodesAndJSONContract() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let letter = directory.appendingPathComponent("brief.txt")
        try Data("Beste ouder,\n\nDe OTS wordt verlengd. U moet morgen bellen.\n".utf8).write(to: letter)
        let good = directory.appendingPathComponent("goed.txt")
        try Data("Beste ouder,\n\nWilt u morgen bellen? Dan leggen we alles uit.\n".utf8).write(to: good)
        let json = try run(["check", letter.path, "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        #expect(object["version"] as? Int == 1)
        let findings = ((object["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]])
        let bytes = try Data(contentsOf: letter)
        for finding in findings {
            for key in ["rule", "category", "severity", "offset", "length", "line", "column", "match", "message", "suggestion"] {
                #expect(finding[key] != nil, "missing \(key)")
            }
            let offset = finding["offset"] as! Int, length = finding["length"] as! Int
            #expect(String(decoding: bytes[offset..<offset + length], as: UTF8.self) == finding["match"] as? String)
        }
        #expect(findings.contains { $0["rule"] as? String == "directive.obligation" })
        #expect(try run(["check", good.path]).status == 0)
        #expect(try run(["check", letter.path, "--fail-on", "never"]).status == 0)
        let missing = try run(["check", good.path, directory.appendingPathComponent("weg.txt").path, "--format", "json"])
        #expect(missing.status == 2)
        #expect(missing.out.contains("\"error\""))
        #expect(missing.out.contains("goed.txt"))
    }

    /// A report of several hundred KB: the JSON findings reach standard output in 64 KB pieces that
    /// bypass the output buffer, between pieces that go through it; all in order.
    @Test func largeJSONReportComesOutWholeAndInOrder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let letter = directory.appendingPathComponent("groot.txt")
        let paragraph = "De OTS wordt verlengd. U moet morgen bellen over de risicotaxatie en het casuïstiekoverleg.\n\n"
        try Data(String(repeating: paragraph, count: 400).utf8).write(to: letter)
        let json = try run(["check", letter.path, "--format", "json"])
        #expect(json.status == 1)
        #expect(json.out.utf8.count > 4 * 65_536)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let findings = (object["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]]
        let expected = BatchChecker(checker: Checker(rules: RuleSet(lexicons: RuleSet.builtInLexicons())))
            .checkFile(letter.path, displayPath: letter.path).findings
        #expect(findings.count == expected.count)
        #expect(findings.map { $0["offset"] as! Int } == expected.map(\.offset))
        #expect(findings.map { $0["rule"] as! String } == expected.map(\.finding.rule))
    }

    @Test func wrongCommandLinesExitWithTwo() throws {
        for arguments in [["check", "--format", "pdf"], ["check", "--jobs", "0"], ["check", "--bestaat-niet"], ["explain", "xyzzy-onbekend"]] {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(!result.err.isEmpty)
        }
        #expect(try run(["--version"]).status == 0)
        #expect(try run(["check", "--help"]).out.contains("--fail-on"))
    }

    @Test func redactRemovesClientText() throws {
        let result = try run(["check", "-", "--stdin-filename", "brief.txt", "--format", "json", "--redact"],
                             stdin: Data("Moeder weigert mee te werken aan de risicotaxatie.".utf8))
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let findings = (object["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]]
        #expect(findings.count >= 2)
        for finding in findings {
            #expect(finding["match"] as? String == "[\(finding["rule"] as! String)]")
            let message = finding["message"] as! String
            #expect(!message.contains("weigert") && !message.contains("risicotaxatie"), "\(message)")
        }
    }
}

/// Guarantees that hold for every command: input files are never written, stdin problems are clear
/// errors, and nothing needs a network.
@Suite struct CommandLineGuaranteeTests {
    let cli = CommandLineTests()

    func fingerprint(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let path = directory.appendingPathComponent(name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            result[name] = "\(SHA256.digest(Array(data)))-\(data.count)-\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
        return result
    }

    @Test func inputFilesAreNeverWritten() throws {
        let directory = try cli.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("De OTS. U moet bellen.\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
        try Data("<p>De GI &amp; de RvdK.</p>".utf8).write(to: directory.appendingPathComponent("b.html"))
        try Data([0xFF, 0xFE, 0x44, 0x00]).write(to: directory.appendingPathComponent("c.txt"))
        let before = try fingerprint(directory)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("helder-out-\(UUID().uuidString)")
        // The runs below write output.json and output.html: both go afterwards, not the bare name.
        defer { for file in [output.path + ".json", output.path + ".html"] { try? FileManager.default.removeItem(atPath: file) } }
        for arguments in [["check", directory.path], ["check", directory.path, "--format", "sarif"],
                          ["check", directory.path, "--write-baseline", output.path + ".json"],
                          ["audit", directory.path, "--format", "html", "--output", output.path + ".html"],
                          ["tokenize", directory.appendingPathComponent("a.txt").path], ["rules"], ["explain", "OTS"]] {
            _ = try cli.run(arguments)
        }
        #expect(try fingerprint(directory) == before)
        #expect(FileManager.default.fileExists(atPath: output.path + ".html"))
    }

    @Test func emptyStdinIsAnError() throws {
        let result = try cli.run(["check", "-"], stdin: Data())
        #expect(result.status == 2)
        #expect(result.err.contains("leeg"))
    }

    @Test func worksWithoutANetwork() throws {
        let unshare = URL(fileURLWithPath: "/usr/bin/unshare")
        guard FileManager.default.isExecutableFile(atPath: unshare.path) else { return }
        let probe = Process()
        probe.executableURL = unshare
        probe.arguments = ["-n", "true"]
        probe.standardError = Pipe()
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { return }  // no permission for namespaces here
        let process = Process()
        process.executableURL = unshare
        process.arguments = ["-n", CommandLineTests.binary.path, "check", Fixture.root.appendingPathComponent("Corpus/brieven").path, "--format", "json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let isolated = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let normal = try cli.run(["check", Fixture.root.appendingPathComponent("Corpus/brieven").path, "--format", "json"])
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: isolated, as: UTF8.self) == normal.out)
    }

    @Test func initRefusesToOverwrite() throws {
        let directory = try cli.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = { (arguments: [String]) throws -> Int32 in
            let p = Process()
            p.executableURL = CommandLineTests.binary
            p.arguments = arguments
            p.currentDirectoryURL = directory
            p.standardOutput = Pipe()
            p.standardError = Pipe()
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        #expect(try process(["init"]) == 0)
        let written = try String(contentsOf: directory.appendingPathComponent(".helder.yml"), encoding: .utf8)
        #expect(written.contains("fail_on: warning"))
        #expect(try process(["init"]) == 2)
        #expect(try process(["init", "--force"]) == 0)
        // The written configuration is valid: checking an empty folder with it succeeds.
        #expect(try process(["check", "--config", directory.appendingPathComponent(".helder.yml").path, directory.path]) == 0)
    }
}

/// One test per `check` flag, through the real binary.
@Suite struct CheckFlagTests {
    let cli = CommandLineTests()

    func folder() throws -> URL {
        let directory = try cli.temporaryDirectory()
        try Data("De OTS wordt verlengd. U moet bellen. Het XYZQ helpt.\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
        try Data("Beste «Naam ouder», op {{datum}} komt de GI.\n".utf8).write(to: directory.appendingPathComponent("b.md"))
        try Data("Geen tekst om te controleren hier? Jawel: de RvdK.".utf8).write(to: directory.appendingPathComponent("c.log"))
        return directory
    }

    func rules(_ output: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        return (object["files"] as! [[String: Any]]).flatMap { ($0["findings"] as! [[String: Any]]).map { $0["rule"] as! String } }
    }

    func paths(_ output: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        return (object["files"] as! [[String: Any]]).map { ($0["path"] as! String).split(separator: "/").last.map(String.init)! }
    }

    @Test func includeExcludeAndDefaultExtensions() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try paths(cli.run(["check", directory.path, "--format", "json"]).out) == ["a.txt", "b.md"])
        #expect(try paths(cli.run(["check", directory.path, "--format", "json", "--include", "*.log"]).out) == ["c.log"])
        #expect(try paths(cli.run(["check", directory.path, "--format", "json", "--exclude", "*.md"]).out) == ["a.txt"])
    }

    @Test func minSeverityFailOnAndPlaceholders() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = try rules(cli.run(["check", directory.path, "--format", "json"]).out)
        #expect(all.contains("abbreviation.unknown-acronym"))
        let warnings = try rules(cli.run(["check", directory.path, "--format", "json", "--min-severity", "warning"]).out)
        #expect(!warnings.contains("abbreviation.unknown-acronym") && warnings.contains("directive.obligation"))
        #expect(try cli.run(["check", directory.path, "--fail-on", "error"]).status == 0)
        let filled = try cli.run(["check", directory.path, "--format", "json", "--placeholders", "report", "--fail-on", "error"])
        #expect(try rules(filled.out).filter { $0 == "template.placeholder" }.count == 2)
        #expect(filled.status == 1)
    }

    @Test func profileJobsQuietAndColour() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = try cli.run(["check", directory.path, "--format", "json", "--jobs", "1"]).out
        let two = try cli.run(["check", directory.path, "--format", "json", "--jobs", "2"]).out
        #expect(one == two)
        let quiet = try cli.run(["check", directory.path, "--quiet"]).out
        #expect(!quiet.contains("bevindingen in"))
        #expect(quiet.contains("[directive.obligation]"))
        let plain = try cli.run(["check", directory.path, "--no-color"]).out
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("bevindingen in 2 van 2 bestanden"))
        let child = directory.appendingPathComponent("kind.txt")
        try Data("Uw kind moet naar school.".utf8).write(to: child)
        #expect(try rules(cli.run(["check", child.path, "--format", "json"]).out) == ["directive.child"])
        #expect(try rules(cli.run(["check", child.path, "--format", "json", "--profile", "dossier"]).out).isEmpty)
    }

    @Test func zipLimitsAndMaxFileSize() throws {
        let directory = try cli.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("brief.docx")
        try Data(DocumentBuilder.docx(body: DocumentBuilder.paragraph(["De OTS."]))).write(to: docx)
        #expect(try cli.run(["check", docx.path]).status == 1)
        let limited = try cli.run(["check", docx.path, "--zip-max-entries", "1"])
        #expect(limited.status == 2 && limited.err.contains("te veel onderdelen"))
        let big = directory.appendingPathComponent("groot.txt")
        try Data(String(repeating: "De OTS. ", count: 200_000).utf8).write(to: big)
        let refused = try cli.run(["check", big.path, "--max-file-size", "1"])
        #expect(refused.status == 2 && refused.err.contains("--max-file-size"))
    }

    /// `.helder.yml` is found in the folder given or the nearest one above it, with `.` and `..` in the
    /// path resolved as written, and not found when no folder up to the root has one.
    @Test func configurationIsFoundInTheNearestFolderAbove() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helder-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = directory.resolvingSymlinksInPath().path
        let deep = root + "/a/b/c"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        #expect(Configuration.find(from: deep) == nil || !(Configuration.find(from: deep)!.hasPrefix(root)))
        try Data("profile: brief\n".utf8).write(to: URL(fileURLWithPath: root + "/a/" + Configuration.fileName))
        #expect(Configuration.find(from: deep) == root + "/a/" + Configuration.fileName)
        #expect(Configuration.find(from: root + "/a") == root + "/a/" + Configuration.fileName)
        #expect(Configuration.find(from: root + "/a/b/./c/../c/") == root + "/a/" + Configuration.fileName)
        try Data("profile: dossier\n".utf8).write(to: URL(fileURLWithPath: root + "/a/b/" + Configuration.fileName))
        #expect(Configuration.find(from: deep) == root + "/a/b/" + Configuration.fileName)
        #expect(Configuration.find(from: root + "/a/b/c/..") == root + "/a/b/" + Configuration.fileName)
        #expect(Configuration.find(from: root + "/a/b/../") == root + "/a/" + Configuration.fileName)
    }

    @Test func configFileBaselineAndFormats() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("instellingen.yml")
        try Data("rules:\n  disable: [directive]\naccept: [XYZQ]\nonbekend: 1\n".utf8).write(to: config)
        let configured = try cli.run(["check", directory.appendingPathComponent("a.txt").path, "--format", "json", "--config", config.path])
        #expect(try rules(configured.out) == ["abbreviation.unexplained"])
        #expect(configured.err.contains("instellingen.yml:4") && configured.err.contains("onbekend"))
        let broken = directory.appendingPathComponent("kapot.yml")
        try Data("rules: [: :".utf8).write(to: broken)
        #expect(try cli.run(["check", directory.path, "--config", broken.path]).status == 2)
        let baseline = directory.appendingPathComponent("baseline.json")
        #expect(try cli.run(["check", directory.path, "--write-baseline", baseline.path]).status == 1)
        let after = try cli.run(["check", directory.path, "--baseline", baseline.path, "--format", "json"])
        #expect(try rules(after.out).isEmpty)
        #expect(after.status == 0)
        for format in ["sarif", "github", "junit", "checkstyle", "gitlab", "text", "json"] {
            let result = try cli.run(["check", directory.path, "--format", format])
            #expect(result.status == 1 && !result.out.isEmpty, "\(format)")
        }
        for format in ["text", "json", "csv", "html"] {
            let result = try cli.run(["audit", directory.path, "--format", format])
            #expect(result.status == 0 && result.out.contains("a.txt"), "\(format)")
        }
        let explained = try cli.run(["explain", "directive.obligation"])
        #expect(explained.out.contains("Waarom:") && explained.status == 0)
        let rulesJSON = try JSONSerialization.jsonObject(with: Data(cli.run(["rules", "--format", "json"]).out.utf8)) as! [String: Any]
        #expect((rulesJSON["entries"] as! [Any]).count > 800)
    }
}
