import Benchmark
import Foundation
import Helder

/// Throughput, allocations and peak memory of each stage on ordinary Dutch prose: the Corpus letters
/// (marks removed) repeated to about 1 MB, and one ~2 KB letter for the whole per-letter path.
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let corpus = root.appendingPathComponent("Corpus")
    var prose = ""
    for file in (FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? []).sorted()
    where file.hasSuffix(".txt") {
        let text = (try? String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)) ?? ""
        prose += text.replacingOccurrences(of: "⟦", with: "")
            .replacingOccurrences(of: #"\|[a-z]+⟧"#, with: "", options: .regularExpression) + "\n\n"
    }
    var megabyte = prose
    while megabyte.utf8.count < 1_000_000 { megabyte += prose }
    let bytes = Array(megabyte.utf8)
    let letter = Array(prose.utf8.prefix(2_000))
    let lexicons = RuleSet.builtInLexicons()
    let rules = RuleSet(lexicons: lexicons)
    let checker = Checker(rules: rules)
    let batch = BatchChecker(checker: checker)
    let decoded = SourceText(decoded: try! TextDecoder().decode(bytes))
    let document = checker.analyze(decoded)
    let metrics: [BenchmarkMetric] = [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident]
    let megabyteRuns = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(5), maxIterations: 30)

    Benchmark("Decode and normalize 1 MB", configuration: megabyteRuns) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? TextDecoder().decode(bytes)) }
    }
    Benchmark("Tokenize 1 MB", configuration: megabyteRuns) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rules.analyzer.tokenizer.tokenize(bytes)) }
    }
    Benchmark("Split sentences 1 MB", configuration: megabyteRuns) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rules.analyzer.splitter.split(document.tokens, in: decoded.text)) }
    }
    Benchmark("Match all rules 1 MB", configuration: megabyteRuns) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(checker.check(document)) }
    }
    Benchmark("Whole check 1 MB", configuration: megabyteRuns) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(batch.check(bytes: bytes, path: "a.txt", displayPath: "a.txt")) }
    }
    Benchmark("One 2 KB letter with lexicon loading", configuration: .init(metrics: metrics, maxDuration: .seconds(5))) { benchmark in
        for _ in benchmark.scaledIterations {
            // As `helder check` loads them: without the entries' examples.
            let rules = RuleSet(lexicons: RuleSet.builtInLexicons(entryExamples: false))
            blackHole(BatchChecker(checker: Checker(rules: rules)).check(bytes: letter, path: "a.txt", displayPath: "a.txt"))
        }
    }
}
