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
}
