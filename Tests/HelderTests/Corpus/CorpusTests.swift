import Foundation
import Testing
@testable import Helder
import LexiconFormat

/// Scores Helder against the annotated documents in `Corpus/`: precision, recall and F1 per category
/// (a finding counts when it overlaps a mark of the same category), and false alarms per 1,000 words
/// on the good documents.
@Suite struct CorpusTests {
    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    struct Result {
        var scores: [String: Score] = [:]
        var goodWords = 0
        var goodFalseAlarms = 0
        var documents = 0
        var misses: [String] = []
    }

    static func evaluate() throws -> Result {
        let corpus = Fixture.root.appendingPathComponent("Corpus")
        var result = Result()
        let files = FileManager.default.enumerator(atPath: corpus.path)!.compactMap { $0 as? String }
            .filter { [".txt", ".md", ".html"].contains(where: $0.hasSuffix) && !$0.hasSuffix("README.md") }.sorted()
        for file in files {
            let raw = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            let marked = MarkedText(raw)
            let profile: Profile = file.hasPrefix("dossier/") ? .dossier : .brief
            let batch = BatchChecker(checker: Fixture.checker(for: profile))
            let report = batch.check(bytes: Array(marked.text.utf8), path: file, displayPath: file)
            #expect(report.error == nil, "\(file): \(report.error?.description ?? "")")
            result.documents += 1
            let findings = report.findings.filter { Category(rawValue: $0.finding.category) != nil }
            let isGood = file.contains(".goed.")
            if isGood {
                result.goodWords += report.wordCount
                result.goodFalseAlarms += findings.count
                for finding in findings { result.misses.append("vals alarm \(file):\(finding.line): \(finding.match) [\(finding.finding.rule)]") }
            }
            var matchedMarks = Set<Int>()
            for finding in findings {
                let range = finding.offset..<(finding.offset + finding.length)
                let category = finding.finding.category
                if let mark = marked.marks.indices.first(where: { marked.marks[$0].label == category && marked.marks[$0].range.overlaps(range) }) {
                    matchedMarks.insert(mark)
                    result.scores[category, default: Score()].truePositives += 1
                } else {
                    result.scores[category, default: Score()].falsePositives += 1
                    if !isGood { result.misses.append("extra \(file):\(finding.line): \(finding.match) [\(category)]") }
                }
            }
            for (index, mark) in marked.marks.enumerated() where !matchedMarks.contains(index) {
                let label = mark.label ?? "?"
                result.scores[label, default: Score()].falseNegatives += 1
                result.misses.append("gemist \(file): \(marked.text.utf8Slice(mark.range)) [\(label)]")
            }
        }
        return result
    }

    static func table(_ result: Result) -> String {
        var lines = ["| category | precision | recall | F1 | found | marked |", "|---|---|---|---|---|---|"]
        for category in Category.allCases.map(\.rawValue) {
            let score = result.scores[category] ?? Score()
            lines.append(String(format: "| %@ | %.3f | %.3f | %.3f | %d | %d |", category, score.precision, score.recall, score.f1,
                                score.truePositives + score.falsePositives, score.truePositives + score.falseNegatives))
        }
        let rate = result.goodWords == 0 ? 0 : Double(result.goodFalseAlarms) * 1000 / Double(result.goodWords)
        lines.append("")
        lines.append(String(format: "Good documents: %d false alarms in %d words = %.2f per 1,000 words (%d documents in all).",
                            result.goodFalseAlarms, result.goodWords, rate, result.documents))
        return lines.joined(separator: "\n")
    }

    @Test func corpusScoresAtLeastNinetyPercent() throws {
        let result = try Self.evaluate()
        print(Self.table(result))
        if ProcessInfo.processInfo.environment["HELDER_CORPUS_DETAILS"] != nil {
            print(result.misses.joined(separator: "\n"))
        }
        #expect(result.documents >= 60)
        for category in Category.allCases.map(\.rawValue) {
            let score = result.scores[category] ?? Score()
            #expect(score.f1 >= 0.90, "\(category): F1 \(score.f1)")
        }
        let rate = Double(result.goodFalseAlarms) * 1000 / Double(max(1, result.goodWords))
        #expect(rate < 1.0, "false alarms per 1,000 words on good documents: \(rate)")
    }
}
