import LexiconFormat
import Testing

/// The form syntax of `Lexicons/README.md`: words, `|` alternatives, `…` gaps and `*` prefixes.
@Suite struct FormPatternTests {
    func slots(_ form: String) -> [FormPattern.Slot]? {
        guard case .success(let pattern) = FormPattern.parse(form) else { return nil }
        return pattern.slots
    }

    func error(_ form: String) -> String? {
        guard case .failure(let error) = FormPattern.parse(form) else { return nil }
        return error.message
    }

    @Test func wordsAlternativesGapsAndPrefixes() {
        #expect(slots("ondertoezichtstelling") == [.word(["ondertoezichtstelling"])])
        #expect(slots("  u\tmoet  ") == [.word(["u"]), .word(["moet"])])
        #expect(slots("u|je moet … inleveren") == [.word(["u", "je"]), .word(["moet"]), .gap(FormPattern.maximumGap), .word(["inleveren"])])
        #expect(slots("weigert ... mee") == [.word(["weigert"]), .gap(FormPattern.maximumGap), .word(["mee"])])
        #expect(slots("manipul*") == [.prefix("manipul")])
        #expect(slots("z.s.m.") == [.word(["z.s.m."])])
        #expect(slots("cliënt|client") == [.word(["cliënt", "client"])])
    }

    @Test func malformedFormsAreRefusedWithAReason() {
        #expect(error("") == "lege vorm")
        #expect(error(" \t ") == "lege vorm")
        #expect(error("… moet") == "een vorm begint niet met …")
        #expect(error("moet …") == "een vorm eindigt niet met …")
        #expect(error("u … … moet") == "twee gaten achter elkaar")
        #expect(error("ma*") == "'ma*': een * staat alleen aan het eind van een woord van minstens drie letters")
        #expect(error("man*pul*") == "'man*pul*': een * staat alleen aan het eind van een woord van minstens drie letters")
        #expect(error("manip|ul*") == "'manip|ul*': een * staat alleen aan het eind van een woord van minstens drie letters")
        #expect(error("ma*nipul") == "'ma*nipul' is geen geldig woord")
        #expect(error("u||je") == "'u||je' is geen geldig woord")
        #expect(error("|je") == "'|je' is geen geldig woord")
        #expect(error("zo…wat") == "'zo…wat' is geen geldig woord")
    }
}
