import Foundation
import Testing
@testable import Helder
import LexiconFormat

/// The matcher's shortcuts (per-word plans kept across documents, patterns filed by their second word)
/// must never change what is found.
@Suite struct MatcherTests {
    static func corpusTexts() throws -> [String] {
        let folder = Fixture.root.appendingPathComponent("Corpus")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        return try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Plain forms are compiled straight from their bytes at start-up; what comes out must be what the
    /// parser and the tokenizer make of them, for every form of every built-in lexicon and for forms
    /// the shortcut must leave to the parser.
    @Test func plainFormsCompileAsParsedForms() throws {
        let tokenizer = Analyzer(lexicons: Fixture.lexicons).tokenizer
        var shortcut = 0
        let odd = ["moet ... worden", "moet … worden", "… moet", "moet …", "moet … … worden", "moet||moeten", "|moet",
                   "moet| worden", "OTS|ots|Ots", "u  moet\tworden", "manipul*", "z.s.m.", "moet...worden", "..."]
        let forms = Fixture.lexicons.entries.flatMap { entry in entry.forms.map { ($0, entry.exact) } }
        let oddForms = odd.map { ($0, false) } + odd.map { ($0, true) }
        for (form, exact) in forms + oddForms {
            let parsed = CompiledPattern.parsedSlots(form: form, exact: exact, tokenizer: tokenizer)
            guard let plain = Array(form.utf8).withUnsafeBufferPointer({ CompiledPattern.plainSlots($0, inflect: !exact) })
            else { continue }
            shortcut += 1
            #expect(String(describing: Optional(plain)) == String(describing: parsed), "\(form)")
        }
        // Most forms take the shortcut: else it saves nothing.
        #expect(shortcut > forms.count / 2)
    }

    /// The stems of a key, worked out the slow and obvious way: each Dutch ending that fits, in the
    /// order of `CompiledPattern.inflections`, and the doubled consonant undone where it may be.
    func referenceStems(_ key: String) -> [String] {
        let bytes = Array(key.utf8)
        guard bytes.count >= 5 else { return [] }
        var result: [String] = []
        for ending in CompiledPattern.inflections {
            let suffix = Array(ending.utf8)
            guard bytes.count - suffix.count >= 4, bytes.suffix(suffix.count).elementsEqual(suffix) else { continue }
            let stem = Array(bytes.dropLast(suffix.count))
            result.append(String(decoding: stem, as: UTF8.self))
            if CompiledPattern.doubledInflections.contains(ending), stem.count >= 5, stem[stem.count - 1] == stem[stem.count - 2],
               !"aeiou".utf8.contains(stem[stem.count - 1]) {
                result.append(String(decoding: stem.dropLast(), as: UTF8.self))
            }
        }
        return result
    }

    @Test func stemsAreEveryEndingThatFits() throws {
        #expect(CompiledPattern.stems(of: "overleggen") == ["overlegg", "overleg", "overlegge"])
        #expect(CompiledPattern.stems(of: "afspraakjes").contains("afspraak"))
        #expect(CompiledPattern.stems(of: "huis").isEmpty && CompiledPattern.stems(of: "gezinshuis").contains("gezinshui"))
        var keys = Set(["overleggen", "gesprekken", "kinderen", "ouders", "auto's", "mapjes", "pakjes", "groeien"])
        // Every ending after stems that end in a doubled consonant or in part of another ending, so
        // that a key fits as many endings as it can (`mannetje`: `e`, `je`, `tje`, `etje`).
        for stem in ["overlegg", "mannet", "kamertj", "kabbelp", "boekj", "bakker"] {
            for ending in CompiledPattern.inflections { keys.insert(stem + ending) }
        }
        for text in try Self.corpusTexts().prefix(40) {
            keys.formUnion(Fixture.brief.analyze(SourceText(string: text)).keys)
        }
        for key in keys {
            #expect(CompiledPattern.stems(of: key) == referenceStems(key), "\(key)")
        }
    }

    @Test func sharedCacheFindsTheSameAsAFreshOne() throws {
        let texts = try Self.corpusTexts()
        #expect(texts.count > 50)
        let shared = MatchCache()
        let tiny = MatchCache(limit: 7)
        for (number, text) in texts.enumerated() {
            // Alternate profiles, so the cache is also reused by another rule set in between.
            let checker = number % 3 == 0 ? Fixture.dossier : Fixture.brief
            let document = checker.analyze(SourceText(string: text))
            let fresh = checker.check(document).map { "\($0.range) \($0.rule) \($0.entry ?? "")" }
            #expect(checker.check(document, cache: shared).map { "\($0.range) \($0.rule) \($0.entry ?? "")" } == fresh)
            #expect(checker.check(document, cache: tiny).map { "\($0.range) \($0.rule) \($0.entry ?? "")" } == fresh)
        }
    }

    /// `in` starts dozens of patterns; only those whose second word follows are tried. The second word
    /// may come after a placeholder, and a pattern cut off by the sentence end does not match.
    @Test func patternsFiledBySecondWordStillMatchEveryWay() throws {
        let entry = try #require(Fixture.lexicons.entries.first { $0.forms.contains("in het kader van") })
        func found(_ text: String) -> Bool { Fixture.brief.check(SourceText(string: text)).contains { $0.entry == entry.id } }
        #expect(found("Wij doen dit in het kader van de wet."))
        #expect(found("Wij doen dit in {{reden}} het kader van de wet."))
        #expect(!found("Wij doen dit in het belang van de wet."))
        #expect(!found("Wij doen dit in. Het kader van de wet is helder."))
    }

    /// Keys are found by their bytes whatever the String's storage (short strings live inside the value,
    /// bridged ones have no contiguous bytes of their own).
    @Test func keysAreFoundByTheirBytes() {
        let words = ["", "u", "ots", "ondertoezichtstelling", "één", "gezinsvoogdij-instelling", String(repeating: "x", count: 100)]
        var map = KeyMap<Int>()
        for (number, word) in words.enumerated() { map.set(number, for: word) }
        for (number, word) in words.enumerated() {
            var copy = word
            copy.withUTF8 { #expect(map.value(bytes: $0, hash: HashSlots.hash($0)) == number) }
            for other in words where other != word {
                other.utf8.withContiguousStorageIfAvailable { #expect(!KeyMap<Int>.key(word, equals: $0)) }
            }
        }
        let bridged = NSString(string: "ondertoezichtstelling") as String
        Array("ondertoezichtstelling".utf8).withUnsafeBufferPointer { #expect(KeyMap<Int>.key(bridged, equals: $0)) }
        Array("ondertoezichtstellinG".utf8).withUnsafeBufferPointer { #expect(!KeyMap<Int>.key(bridged, equals: $0)) }
    }

    /// A pattern `word … word` is not tried where the word after the gap is none of the next few tokens;
    /// a token without a key there (a comma, a number) is compared by its text, and may itself be the
    /// word after the gap.
    @Test func gapsWithPunctuationAndNumbersStillMatch() throws {
        var lexicons = Fixture.lexicons
        lexicons.entries.append(LexiconEntry(
            id: "test-leeftijd", rule: "jargon.term", category: .jargon, severity: .warning, profiles: [.brief, .dossier],
            forms: ["vanaf … 18"], alternatives: ["volwassen"], explanation: "Test.", examples: [], counterexamples: []))
        let checker = Checker(rules: RuleSet(lexicons: lexicons))
        func found(_ text: String, _ entry: String) -> Bool {
            checker.check(SourceText(string: text)).contains { $0.entry == entry }
        }
        let development = try #require(Fixture.lexicons.entries.first { $0.forms.contains("in … ontwikkeling bedreigd") })
        #expect(found("Het kind wordt in, denken wij, zijn ontwikkeling bedreigd.", development.id))
        #expect(found("Het kind wordt in 2024 in zijn ontwikkeling bedreigd.", development.id))
        #expect(!found("Het kind woont in, denken wij, een fijne buurt.", development.id))
        #expect(found("Dat geldt vanaf je 18.", "test-leeftijd"))
        #expect(found("Dat geldt vanaf, zeg, 18 jaar.", "test-leeftijd"))
        #expect(!found("Dat geldt vanaf, zeg, 17 jaar.", "test-leeftijd"))
    }
}
