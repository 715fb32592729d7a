import Testing
@testable import Helder

@Suite struct UnknownAcronymRuleTests {
    /// Unknown acronyms on a shouted line (a heading in capitals) are left alone, elsewhere they are
    /// reported, line by line; on one long line (a text without line ends) all are, and finding each
    /// one's line is a walk forward with them, not back from every one (that was quadratic).
    @Test func capitalLinesAreJudgedLineByLine() {
        func flagged(_ text: String) -> [String] {
            let source = SourceText(string: text)
            return Fixture.brief.check(source).filter { $0.rule == UnknownAcronymRule.id }.map { finding in
                let line = source.location(of: finding.range.lowerBound).line
                return "\(source.string(finding.range))@\(line)"
            }
        }
        let lines = ["BRIEF OVER PKQ EN ZORG", "De PKQ belt u morgen.", "HET BRV TEAM KOMT",
                     "Het BRV team komt langs, en daarna belt de PKQ opnieuw."]
        #expect(flagged(lines.joined(separator: "\n")) == ["PKQ@2", "BRV@4", "PKQ@4"])
        // On one line the shouted words are no heading any more: they too look like acronyms.
        #expect(flagged(lines.joined(separator: " "))
                == ["BRIEF", "OVER", "PKQ", "EN", "ZORG", "PKQ", "HET", "BRV", "TEAM", "KOMT", "BRV", "PKQ"].map { "\($0)@1" })
        // Thousands of acronyms on one line: each is found once, in order.
        let long = Array(repeating: "De PKQ belt en het BRV team komt.", count: 2_000).joined(separator: " ")
        #expect(flagged(long).count == 4_000)
    }
}
