import Foundation
import Testing
@testable import Helder
import LexiconFormat

@Suite struct ReporterTests {
    static let letter = "Beste ouder,\n\nDe OTS wordt verlengd & \"u moet\" <bellen>.\nU moet morgen bellen.\n"

    func reports(_ text: String = letter, path: String = "map/brief één.txt") -> [FileReport] {
        let batch = BatchChecker(checker: Fixture.brief)
        return [batch.check(bytes: Array(text.utf8), path: path, displayPath: path),
                FileReport(path: "weg.txt", error: .notFound)]
    }

    var context: ReportContext { ReportContext(rules: Fixture.brief.rules.descriptions) }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func sarifHasWhatCodeScanningNeeds() throws {
        var context = self.context
        context.rootPath = "/repo"
        let object = try json(SARIFReporter().report(reports(), context: context)) as! [String: Any]
        #expect(object["version"] as? String == "2.1.0")
        let run = (object["runs"] as! [[String: Any]])[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        #expect(rules.contains { $0["id"] as? String == "directive.obligation" && ($0["help"] as? [String: Any])?["text"] != nil })
        let results = run["results"] as! [[String: Any]]
        #expect(!results.isEmpty)
        for result in results {
            let location = ((result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
            let artifact = location["artifactLocation"] as! [String: Any]
            #expect(artifact["uri"] as? String == "map/brief%20%C3%A9%C3%A9n.txt")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let region = location["region"] as! [String: Any]
            #expect((region["startLine"] as! Int) >= 1 && (region["startColumn"] as! Int) >= 1)
            #expect((result["partialFingerprints"] as? [String: String])?.isEmpty == false)
        }
        let notifications = ((run["invocations"] as! [[String: Any]])[0]["toolExecutionNotifications"] as! [[String: Any]])
        #expect(notifications.count == 1)
    }

    @Test func fingerprintsSurviveLineShifts() throws {
        func prints(_ text: String) -> [String] {
            let report = BatchChecker(checker: Fixture.brief).check(bytes: Array(text.utf8), path: "a.txt", displayPath: "a.txt")
            var counter = FingerprintCounter()
            return counter.next(report)
        }
        #expect(prints(Self.letter) == prints("Een nieuwe regel bovenaan.\n\n" + Self.letter))
    }

    @Test func sarifValidatesAgainstTheOfficialSchemaWhenPythonCanCheck() throws {
        let schema = Fixture.root.appendingPathComponent("Tests/HelderTests/Fixtures/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else { return }
        let sarif = FileManager.default.temporaryDirectory.appendingPathComponent("helder-\(UUID().uuidString).sarif")
        try SARIFReporter().report(reports(), context: context).write(to: sarif, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: sarif) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(3)
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
            """, schema.path, sarif.path]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus == 3 { return }  // jsonschema not installed here; .ci/run installs it
        #expect(process.terminationStatus == 0)
    }

    @Test func jsonQuotingEscapesWhatJSONAndJavaScriptNeed() throws {
        #expect(JSONWriter.quote("") == "\"\"")
        #expect(JSONWriter.quote("’t Kind… \"OTS\" \\ é") == "\"’t Kind… \\\"OTS\\\" \\\\ é\"")
        #expect(JSONWriter.quote("a\nb\r\tc\u{1}\u{1F}") == "\"a\\nb\\r\\tc\\u0001\\u001f\"")
        #expect(JSONWriter.quote("x\u{2028}y\u{2029}z\u{2027}") == "\"x\\u2028y\\u2029z\u{2027}\"")
        // Whatever the text, the quoted form parses back to it.
        for text in ["’ … \u{2028}\u{2029}\u{7F}", "\u{0}\u{8}\u{C}", "zo’n \"bericht\"\n\\", "\u{E2}\u{80}"] {
            let parsed = try JSONSerialization.jsonObject(with: Data(("[" + JSONWriter.quote(text) + "]").utf8)) as? [String]
            #expect(parsed == [text])
        }
        // Long texts take the eight-bytes-at-a-time path: every mark at every place must still be escaped.
        var generator = SeededGenerator(seed: 5)
        let pieces = ["Beste ouders, ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "’", "…", "\u{2028}", "\u{2029}", "é", "x", "\u{7F}"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var expected = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\r": expected += "\\r"
                case "\t": expected += "\\t"
                case "\u{2028}", "\u{2029}": expected += "\\u" + String(scalar.value, radix: 16)
                case _ where scalar.value < 0x20: expected += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: expected.unicodeScalars.append(scalar)
                }
            }
            #expect(JSONWriter.quote(text) == expected + "\"")
        }
        var numbers = JSONBytes()
        for value in [0, 7, 10, 1_234_567, -42, Int.max, Int.min] {
            numbers.append(value)
            numbers.append(" ")
        }
        #expect(numbers.string == "0 7 10 1234567 -42 \(Int.max) \(Int.min) ")
    }

    /// Long strings are quoted once and then copied: whatever comes back, and in whatever order, each
    /// must read as quoting it afresh would, also a String changed after it was quoted.
    @Test func quotedStringsMatchQuotingAfresh() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["Een ouder hoort er vaak iets strengs in. ", "\"", "’", "\n", "é", "…", "x"]
        var texts = (0..<40).map { _ in (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
        var changed = texts[0] + " Schrijf wat u concreet gaat doen."
        texts.append(changed)
        changed.append("!")
        texts.append(changed)
        var cache = QuotedStrings()
        var cached = JSONBytes(), fresh = JSONBytes()
        for _ in 0..<2_000 {
            let text = texts.randomElement(using: &generator)!
            cache.appendQuoted(text, to: &cached)
            fresh.appendQuoted(text)
        }
        #expect(cached.string == fresh.string)
    }

    /// The opening of each finding's object (rule, entry, category, severity) comes from a cache keyed by
    /// the strings' bits; it must read as quoting them afresh, whatever mix of short and long, equal and
    /// different strings (and no entry) comes in.
    @Test func findingHeadsMatchQuotingAfresh() {
        var generator = SeededGenerator(seed: 13)
        let rules = ["jargon.term", "directive.must", "abbreviation.unexplained", "een.heel.lange.regelnaam.van.meer.dan.vijftien"]
        let entries: [String?] = [nil, "ots", "calamiteit", "ontwikkelingsbedreiging", "x\"y", "’s-avonds"]
        let categories = ["jargon", "blame", "abbreviation", "directive"]
        var cache = QuotedStrings()
        var cached = JSONBytes(), fresh = JSONBytes()
        for _ in 0..<3_000 {
            let finding = Finding(rule: rules.randomElement(using: &generator)!, entry: entries.randomElement(using: &generator)!,
                                  category: categories.randomElement(using: &generator)!,
                                  severity: Severity.allCases.randomElement(using: &generator)!, range: 0..<1, message: "",
                                  suggestion: "", explanation: "")
            let located = LocatedFinding(finding, in: SourceText(string: "x"))
            withUnsafePointer(to: located) { cache.appendHead(of: $0, indent: "\n  ", to: &cached) }
            fresh.append("{\n  \"rule\": ")
            fresh.appendQuoted(finding.rule)
            if let entry = finding.entry {
                fresh.append(",\n  \"entry\": ")
                fresh.appendQuoted(entry)
            }
            fresh.append(",\n  \"category\": ")
            fresh.appendQuoted(finding.category)
            fresh.append(",\n  \"severity\": ")
            fresh.appendQuoted(finding.severity.rawValue)
        }
        #expect(cached.string == fresh.string)
    }

    /// `tokenize --format json` writes its JSON straight into bytes; it must read exactly as the tree of
    /// JSON values it replaced, rendered with indent 2, including empty lists and entities.
    @Test func tokenJSONMatchesTheValueTreeLayout() {
        let analyzer = Analyzer(lexicons: Fixture.lexicons)
        for text in ["Beste ouder,\n\nDe OTS (ondertoezichtstelling) loopt af. Bel \"ons\" op 06-12345678.\n",
                     "art. 1:263 BW, € 1.250,00 en 3501 DE.\nTab\there \\ slash", "Eén woord", ""] {
            let source = SourceText(string: text)
            let document = analyzer.analyze(source)
            let counter = CodePointCounter(source.text)
            let sentences: [JSONValue] = document.sentences.map { sentence in
                .object([("tokens", .array(sentence.map { index in
                    let token = document.tokens[index]
                    let fileRange = document.source.fileRange(token.range)
                    return .object([
                        ("start", .int(counter.count(upTo: token.start))), ("end", .int(counter.count(upTo: token.end))),
                        ("offset", .int(fileRange.lowerBound)), ("length", .int(fileRange.count)),
                        ("text", .string(document.text(of: token))), ("kind", .string(token.kind.rawValue)),
                        ("key", .string(document.key(index))),
                    ])
                }))])
            }
            let entities: [JSONValue] = document.entities.map { entity in
                .object([
                    ("kind", .string(entity.kind.rawValue)), ("firstToken", .int(entity.tokens.lowerBound)),
                    ("lastToken", .int(entity.tokens.upperBound - 1)),
                    ("text", .string(document.source.string(document.tokens[entity.tokens.lowerBound].start
                                                            ..< document.tokens[entity.tokens.upperBound - 1].end))),
                ])
            }
            let expected = JSONValue.object([("sentences", .array(sentences)), ("entities", .array(entities))]).rendered(indent: 2) + "\n"
            #expect(TokenJSON.render(document, counter: counter) == expected)
        }
    }

    @Test func githubCommandsEscapeTheirFields() {
        let output = GitHubReporter().report(reports(), context: context)
        #expect(output.contains("::warning file=map/brief één.txt,line=3,col=4,title=abbreviation.unexplained::"))
        #expect(output.contains("::error file=weg.txt,title=helder::"))
        #expect(!output.contains("\n\n"))
    }

    @Test func xmlFormatsEscapeAndCarryErrors() {
        for output in [JUnitReporter().report(reports(), context: context), CheckstyleReporter().report(reports(), context: context)] {
            #expect(output.hasPrefix("<?xml"))
            #expect(output.contains("weg.txt"))
            #expect(output.contains("&amp;") || output.contains("&quot;") || output.contains("&apos;"))
            #expect(!output.contains("<bellen>"))
        }
        #expect(JUnitReporter().report(reports(), context: context).contains("<error message="))
    }

    @Test func gitlabCodeQualityFields() throws {
        let issues = try json(GitLabReporter().report(reports(), context: context)) as! [[String: Any]]
        #expect(!issues.isEmpty)
        for issue in issues {
            for key in ["description", "check_name", "fingerprint", "severity", "location"] { #expect(issue[key] != nil) }
            let location = issue["location"] as! [String: Any]
            #expect(location["path"] is String)
            #expect(((location["lines"] as! [String: Any])["begin"] as! Int) >= 1)
        }
        #expect(Set(issues.map { $0["fingerprint"] as! String }).count == issues.count)
    }

    @Test func textFormatHasLocationsSuggestionsAndSummary() {
        let output = TextReporter().report(reports(), context: context)
        #expect(output.contains("map/brief één.txt:3:4: waarschuwing:"))
        #expect(output.contains("[directive.obligation]"))
        #expect(output.contains("→ "))
        #expect(output.hasSuffix("bevindingen in 1 van 2 bestanden; 1 bestand niet gecontroleerd\n"))
        #expect(!output.contains("\u{1B}["))
    }

    @Test func redactHidesClientTextInEveryFormat() {
        var context = self.context
        context.redact = true
        for format in ReportFormat.allCases {
            let output = format.reporter.report(reports(), context: context)
            #expect(!output.contains("OTS wordt"), "\(format)")
            #expect(!output.contains("'OTS'"), "\(format)")
        }
    }
}
