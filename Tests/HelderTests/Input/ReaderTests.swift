import Foundation
import Testing
@testable import Helder

@Suite struct ReaderTests {
    let batch = BatchChecker(checker: Fixture.brief)

    func report(_ text: String, _ path: String) -> FileReport {
        batch.check(bytes: Array(text.utf8), path: path, displayPath: path)
    }

    func assertMatchesFileBytes(_ report: FileReport, _ bytes: [UInt8]) {
        for finding in report.findings {
            #expect(String(decoding: bytes[finding.offset..<finding.offset + finding.length], as: UTF8.self) == finding.match)
        }
    }

    @Test func markdownSkipsCodeFrontMatterCommentsAndLinkTargets() {
        let text = """
            ---
            titel: OTS
            ---
            # Brief over de risicotaxatie

            Zie [de site](https://example.org/OTS) en `OTS` en <!-- OTS -->.

            ```
            U moet de OTS lezen.
            ```
            Hier staat wel de GI.
            """
        let result = report(text, "brief.md")
        #expect(result.findings.map(\.match) == ["risicotaxatie", "GI"])
        #expect(result.findings[0].line == 4)
        assertMatchesFileBytes(result, Array(text.utf8))
    }

    @Test func markdownWithAnUnclosedFenceIsChecked() {
        let result = report("De GI belt u.\n```\nU moet de OTS lezen.\n", "x.md")
        #expect(result.error == nil)
        #expect(result.findings.map(\.match) == ["GI"])
    }

    @Test func htmlGivesVisibleTextWithEntitiesAndOffsetsIntoTheFile() {
        let text = "<html><head><title>x</title><style>.OTS{}</style></head><body><script>var GI = 1;</script>\n<p>Een <b>risico</b>taxatie en de&nbsp;OTS.</p><p>Caf&eacute;: de GI.</p></body></html>"
        let result = report(text, "brief.html")
        #expect(result.findings.map(\.match).contains("OTS"))
        #expect(result.findings.map(\.match).contains("GI"))
        #expect(!result.findings.contains { $0.line == 1 })
        assertMatchesFileBytes(result, Array(text.utf8))
    }

    @Test func lessThanSignsAndPlaceholdersInHTMLAreText() {
        let text = "<p>Voor kinderen < 12 jaar en auto's: de OTS. Beste &lt;&lt;naam&gt;&gt;, tot <<datum>>.</p>"
        let result = report(text, "brief.html")
        #expect(result.findings.map(\.match) == ["OTS"])
        let source = try? HTMLReader().read(Array(text.utf8))
        #expect(source.map { String(decoding: $0.text, as: UTF8.self).contains("<<datum>>") } == true)
    }

    @Test func deeplyNestedHTMLDoesNotCrash() {
        let depth = 100_000
        let text = String(repeating: "<div>", count: depth) + "De OTS." + String(repeating: "</div>", count: depth)
        let result = report(text, "diep.html")
        #expect(result.findings.map(\.match) == ["OTS"])
    }

    @Test func docxJoinsRunsSkipsDeletionsAndReadsHeadersFootersFootnotesAndTables() throws {
        let body = DocumentBuilder.paragraph(["Wij doen een risico", "taxatie."])
            + "<w:p><w:r><w:t>Niet </w:t></w:r><w:del><w:r><w:delText>OTS</w:delText></w:r></w:del><w:r><w:t>verwijderd.</w:t></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc>" + DocumentBuilder.paragraph(["De GI"]) + "</w:tc></w:tr></w:tbl>"
        let bytes = try DocumentBuilder.docx(body: body, header: DocumentBuilder.paragraph(["Kenmerk RvdK"]),
                                             footer: DocumentBuilder.paragraph(["Met vriendelijke groet"]),
                                             footnotes: "<w:footnote>" + DocumentBuilder.paragraph(["Zie de OTS."]) + "</w:footnote>")
        let result = batch.check(bytes: bytes, path: "brief.docx", displayPath: "brief.docx")
        #expect(result.error == nil)
        let matches = result.findings.map(\.match)
        #expect(matches == ["risicotaxatie", "GI", "RvdK", "OTS"])
        #expect(result.findings.map(\.line) == [1, 3, 4, 6])
        #expect(result.findings[0].characterOffset == 13)
        let source = try DOCXReader().read(bytes)
        let text = String(decoding: source.text, as: UTF8.self)
        #expect(text == "Wij doen een risicotaxatie.\nNiet verwijderd.\nDe GI\nKenmerk RvdK\nMet vriendelijke groet\nZie de OTS.")
        assertMatchesFileBytes(result, source.text)
    }

    @Test func odtReadsParagraphsSpacesAndHeaders() throws {
        let bytes = try DocumentBuilder.odt(paragraphs: ["De<text:s/>OTS <text:span>wordt</text:span> verlengd.", "Tweede alinea."], header: "Kenmerk GI")
        let result = batch.check(bytes: bytes, path: "brief.odt", displayPath: "brief.odt")
        #expect(result.error == nil)
        #expect(result.findings.map(\.match) == ["OTS", "GI"])
        #expect(result.findings.map(\.line) == [1, 3])
    }

    @Test(arguments: [
        ("not a zip", [UInt8]("Dit is gewone tekst".utf8), "zip"),
        ("encrypted", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "versleuteld"),
    ])
    func brokenDocumentsAreClearErrors(_ name: String, _ bytes: [UInt8], _ expected: String) {
        let result = batch.check(bytes: bytes, path: "\(name).docx", displayPath: "\(name).docx")
        #expect(result.error?.description.contains(expected) == true, "\(result.error?.description ?? "geen fout")")
    }

    @Test func truncatedAndIncompleteZipsAreErrors() throws {
        let good = try DocumentBuilder.docx(body: DocumentBuilder.paragraph(["De OTS."]))
        let truncated = Array(good.prefix(good.count / 2))
        #expect(batch.check(bytes: truncated, path: "kapot.docx", displayPath: "kapot.docx").error != nil)
        let noDocument = try DocumentBuilder.zip([("word/styles.xml", "<x/>")])
        #expect(batch.check(bytes: noDocument, path: "leeg.docx", displayPath: "leeg.docx").error?.description.contains("document.xml") == true)
    }

    @Test func zipBombsAreRefusedBeforeAndWhileInflating() throws {
        let huge = String(repeating: "a", count: 20_000_000)
        let bomb = try DocumentBuilder.zip([("word/document.xml", "<w:p><w:t>\(huge)</w:t></w:p>")])
        #expect(bomb.count < 200_000)
        let result = batch.check(bytes: bomb, path: "bom.docx", displayPath: "bom.docx")
        #expect(result.error?.description.contains("zip-bom") == true, "\(result.error?.description ?? "geen fout")")
    }

    @Test func xmlEntitiesAndDoctypesAreNeverResolved() throws {
        let body = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY lol \"lollollol\">]>"
        let xml = DocumentBuilder.paragraph(["De OTS &xxe; &lol; &amp; meer."])
        let bytes = try DocumentBuilder.zip([("word/document.xml", body + "<w:document \(DocumentBuilder.wordNamespace)><w:body>\(xml)</w:body></w:document>")])
        let source = try DOCXReader().read(bytes)
        let text = String(decoding: source.text, as: UTF8.self)
        #expect(text == "De OTS &xxe; &lol; & meer.")
        #expect(!text.contains("root:"))
    }

    @Test func hugeAttributeValuesAreFine() throws {
        let attribute = String(repeating: "x", count: 2_000_000)
        let body = "<w:document \(DocumentBuilder.wordNamespace)><w:body><w:p w:rsidR=\"\(attribute)\"><w:r><w:t>De OTS.</w:t></w:r></w:p></w:body></w:document>"
        // Stored, not deflated: 2 MB of one letter would otherwise (rightly) look like a zip bomb.
        let bytes = try DocumentBuilder.zip([("word/document.xml", body)], compress: false)
        #expect(batch.check(bytes: bytes, path: "a.docx", displayPath: "a.docx").findings.map(\.match) == ["OTS"])
    }
}
