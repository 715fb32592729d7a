import Testing
@testable import Helder
import LexiconFormat

/// Every lexicon entry and rule description carries examples that must trigger and examples that must
/// not; these tests run all of them (as SwiftLint does with its rule descriptions), and again behind a
/// multibyte prefix so a byte/character mix-up fails at once.
@Suite struct LexiconExampleTests {
    static let prefix = "Één café — "

    static func entryProfile(_ entry: LexiconEntry) -> Profile {
        entry.profiles.contains(.brief) ? .brief : .dossier
    }

    @Test(arguments: Fixture.lexicons.entries)
    func entryExamples(_ entry: LexiconEntry) {
        let checker = Fixture.checker(for: Self.entryProfile(entry))
        for example in entry.examples {
            for prefix in ["", Self.prefix] {
                let marked = MarkedText(prefix + example)
                let found = checker.check(SourceText(string: marked.text)).filter { $0.entry == entry.id }.map(\.range)
                #expect(found == marked.marks.map(\.range), "\(entry.source) \(entry.id): '\(example)' gaf \(found.map { marked.text.utf8Slice($0) })")
            }
        }
        for counterexample in entry.counterexamples {
            let found = checker.check(SourceText(string: counterexample)).filter { $0.entry == entry.id }
            #expect(found.isEmpty, "\(entry.source) \(entry.id): tegenvoorbeeld '\(counterexample)' gaf een bevinding")
        }
    }

    @Test(arguments: Fixture.lexicons.rules)
    func ruleExamples(_ rule: RuleDescription) {
        var settings = RuleSettings()
        settings.reportPlaceholders = rule.id == "template.placeholder"
        let checker = Checker(rules: RuleSet(lexicons: Fixture.lexicons, settings: settings))
        for example in rule.examples {
            let marked = MarkedText(example)
            let found = checker.check(SourceText(string: marked.text)).filter { $0.rule == rule.id }.map(\.range)
            #expect(found == marked.marks.map(\.range), "\(rule.id): '\(example)' gaf \(found.map { marked.text.utf8Slice($0) })")
        }
        for counterexample in rule.counterexamples {
            let found = checker.check(SourceText(string: counterexample)).filter { $0.rule == rule.id }
            #expect(found.isEmpty, "\(rule.id): tegenvoorbeeld '\(counterexample)' gaf \(found.map(\.message))")
        }
    }

    @Test func lexiconSizesMeetTheRound() {
        let entries = Fixture.lexicons.entries
        #expect(entries.filter { $0.category == .jargon }.count >= 300)
        #expect(entries.filter { $0.category == .abbreviation }.count >= 250)
        #expect(entries.filter { $0.category == .blame }.count >= 80)
        #expect(LexiconValidator().problems(in: Fixture.lexicons).isEmpty)
    }

    @Test func compactCodingRoundTrips() {
        let decoded = CompactLexiconCoding.decode(CompactLexiconCoding.encode(Fixture.lexicons))
        #expect(decoded.entries == Fixture.lexicons.entries)
        #expect(decoded.rules == Fixture.lexicons.rules)
        #expect(decoded.knownAcronyms == Fixture.lexicons.knownAcronyms)
        #expect(decoded.grammar == Fixture.lexicons.grammar)
        #expect(!decoded.grammar.rightVerbs.isEmpty)
    }

    @Test func strictReaderNamesFileAndLine() {
        let yaml = "rule: jargon.term\ncategory: jargon\nentries:\n  - id: x\n    froms: [x]\n"
        #expect(throws: LexiconError.self) { try LexiconSourceReader().read(yaml: yaml, name: "test.yml") }
        do {
            _ = try LexiconSourceReader().read(yaml: yaml, name: "test.yml")
        } catch {
            #expect(error.description.hasPrefix("test.yml:5:"))
            #expect(error.description.contains("bedoelde je 'forms'"))
        }
    }
}

extension String {
    func utf8Slice(_ range: Range<Int>) -> String {
        String(decoding: Array(utf8)[range.clamped(to: 0..<utf8.count)], as: UTF8.self)
    }
}
