import Testing
@testable import Helder

/// `Checker.inTextOrder` sorts indices and then moves findings along the permutation's cycles; the
/// result must be the plain stable sort by start, longer first, then rule id.
@Suite struct FindingOrderTests {
    @Test func movingAlongCyclesGivesTheStableOrder() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 3, 7, 50, 400] {
            let findings = (0..<size).map { number in
                let start = Int.random(in: 0..<20, using: &generator)
                return Finding(rule: ["b.rule", "a.rule"].randomElement(using: &generator)!, entry: nil, category: "jargon",
                               severity: .warning, range: start..<(start + Int.random(in: 0..<4, using: &generator)),
                               message: "bericht \(number)", suggestion: "", explanation: "")
            }
            let expected = findings.enumerated().sorted { a, b in
                let first = a.element.range, second = b.element.range
                if first.lowerBound != second.lowerBound { return first.lowerBound < second.lowerBound }
                if first.upperBound != second.upperBound { return first.upperBound > second.upperBound }
                if a.element.rule != b.element.rule { return a.element.rule < b.element.rule }
                return a.offset < b.offset
            }.map(\.element)
            #expect(Checker.inTextOrder(findings) == expected)
        }
    }
}
