import Foundation
import Testing
@testable import Helder

/// Every input the fuzzers found a problem with (`Tests/HelderTests/Fixtures/fuzz/`) runs through every
/// reader again: it must be checked or rejected with an error, never crash.
@Suite struct FuzzRegressionTests {
    @Test func fuzzFindingsStayFixed() throws {
        let folder = Fixture.root.appendingPathComponent("Tests/HelderTests/Fixtures/fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!files.isEmpty)
        let batch = BatchChecker(checker: Fixture.brief)
        for file in files {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            // FuzzReaders inputs: the first byte picked the reader.
            for ext in ["txt", "md", "html", "docx", "odt"] {
                let report = batch.check(bytes: Array(bytes.dropFirst()), path: "x.\(ext)", displayPath: file)
                #expect(report.error != nil || report.findings.allSatisfy { $0.line >= 1 })
            }
        }
    }
}
