import Testing
import Foundation
@testable import Helder

@Suite struct ZZStats {
    @Test func planStats() throws {
        let rules = RuleSet(lexicons: Fixture.lexicons)
        let text = try String(contentsOfFile: "/tmp/helder-bench/prose-1mb.txt", encoding: .utf8)
        let document = Analyzer(lexicons: Fixture.lexicons).analyze(SourceText(string: text))
        var counts: [Int: Int] = [:]
        for index in document.tokens.indices where document.keyIndex[index] >= 0 { counts[Int(document.keyIndex[index]), default: 0] += 1 }
        let lexicon = rules.lexicon
        var out = ""
        var totalAlways = 0, totalSecond = 0
        for (key, count) in counts.sorted(by: { $0.value > $1.value }) {
            let candidates = lexicon.keyCandidates(document.keys[key]).filter { !$0.cannotMatch }
            guard !candidates.isEmpty else { continue }
            let plan = KeyPlan(candidates, patterns: lexicon.patterns, program: lexicon.program, wholeKeyPatterns: nil)
            totalAlways += plan.always.count * count
            totalSecond += plan.secondWords.count > 0 ? count : 0
            if out.count < 6000 {
                let alwaysForms = plan.always.prefix(6).map { lexicon.entries[lexicon.patternEntries[$0.candidate.pattern]].forms.first ?? "" }
                out += "\(document.keys[key]) ×\(count): always \(plan.always.count) second \(plan.secondWords.count) \(alwaysForms)\n"
            }
        }
        out += "always tries \(totalAlways), tokens needing next \(totalSecond)\n"
        try out.write(toFile: "/tmp/planstats.txt", atomically: true, encoding: .utf8)
    }
}
