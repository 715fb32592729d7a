import ArgumentParser
@testable import HelderCommandLine
import Testing

/// The quick reader of `helder check` command lines must give exactly what ArgumentParser gives, or
/// leave the line to ArgumentParser.
@Suite struct QuickCheckArgumentsTests {
    /// Every property of a parsed `check` (reading one the quick reader forgot to set would trap).
    func fields(_ check: Check) -> String {
        let common = check.common
        return [
            "\(check.paths)", "\(String(describing: common.profile))", "\(String(describing: common.config))",
            "\(common.includes)", "\(common.excludes)", "\(String(describing: common.jobs))", "\(common.maxFileSize)",
            "\(String(describing: common.stdinFilename))", "\(common.zipMaxEntries)", "\(common.zipMaxSize)",
            "\(common.zipMaxRatio)", "\(check.format)", "\(String(describing: check.minSeverity))",
            "\(String(describing: check.failOn))", "\(String(describing: check.baseline))",
            "\(String(describing: check.writeBaseline))", "\(check.placeholders)", "\(check.redact)",
            "\(check.quiet)", "\(check.noColor)",
        ].joined(separator: " | ")
    }

    func expectSameAsArgumentParser(_ arguments: [String]) throws {
        guard let quick = QuickCheckArguments.parse(arguments) else { return }
        let full = try #require(try HelderCommand.parseAsRoot(arguments) as? Check, "\(arguments)")
        #expect(fields(quick) == fields(full), "\(arguments)")
    }

    @Test func readsTheUsualLinesAsArgumentParserDoes() throws {
        let usual: [[String]] = [
            ["check"], ["check", "brief.txt"], ["check", "--format", "json", "brief.txt"],
            ["check", "brief.txt", "--format=sarif", "sjablonen/"], ["check", "-", "--profile", "dossier"],
            ["check", "--min-severity", "warning", "--fail-on", "never", "a.md", "b.docx"],
            ["check", "--quiet", "--no-color", "--redact", "--format", "github", "."],
            ["check", "--fail-on=error", "--profile=brief", "--min-severity=info", "x=y.txt"],
            ["check", "--jobs", "2", "--format", "json", "--fail-on", "never", "map/"],
        ]
        for arguments in usual {
            #expect(QuickCheckArguments.parse(arguments) != nil, "\(arguments)")
            try expectSameAsArgumentParser(arguments)
        }
    }

    @Test func leavesEverythingElseToArgumentParser() {
        let others: [[String]] = [
            [], ["brief.txt"], ["audit", "brief.txt"], ["check", "--help"], ["check", "-h"], ["check", "--version"],
            ["check", "--format", "pdf"], ["check", "--format"], ["check", "--format", "--quiet"],
            ["check", "--format", "json", "--format", "text"], ["check", "--quiet", "--quiet"],
            ["check", "--quiet=ja"], ["check", "--jobs", "0", "a.txt"], ["check", "--jobs", "twee"], ["check", "--", "-x.txt"],
            ["check", "-q"], ["check", ""], ["check", "tokenize"], ["check", "--config", "a.yml"],
            ["check", "--format=", "a.txt"], ["check", "--baseline", "b.json"], ["check", "--unknown"],
        ]
        for arguments in others {
            #expect(QuickCheckArguments.parse(arguments) == nil, "\(arguments)")
        }
    }

    /// Random lines from pieces, good and bad: wherever the quick reader answers, ArgumentParser agrees.
    @Test func agreesWithArgumentParserOnRandomLines() throws {
        let pieces: [[String]] = [
            ["brief.txt"], ["-"], ["map/"], ["--format", "json"], ["--format=sarif"], ["--format", "junit"],
            ["--profile", "dossier"], ["--profile=brief"], ["--min-severity", "warning"], ["--fail-on", "never"],
            ["--fail-on=info"], ["--quiet"], ["--redact"], ["--no-color"], ["--format", "pdf"], ["--jobs", "2"],
            ["--format"], ["-"], ["--"], ["check"], ["--min-severity", "error"], ["-v"], ["--profile", "-"],
            ["--jobs", "0"], ["--jobs=3"], ["--jobs", "+4"], ["--jobs", "007"],
        ]
        var generator = SeededGenerator(seed: 20261126)
        var answered = 0
        for _ in 0..<300 {
            var arguments = ["check"]
            for _ in 0..<Int(generator.next() % 6) {
                arguments += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            if QuickCheckArguments.parse(arguments) != nil { answered += 1 }
            try expectSameAsArgumentParser(arguments)
        }
        #expect(answered > 50)
    }
}
