import ArgumentParser
import Foundation
import Helder

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Overzicht van een map met sjablonen: bevindingen per document, per categorie en per woord."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

    @Argument(help: "Mappen en bestanden.")
    var paths: [String]

    @OptionGroup var common: CommonOptions

    @Option(help: "Uitvoer: text, json, csv of html.")
    var format: Format = .text

    @Option(help: "Schrijf het overzicht naar dit bestand in plaats van naar het scherm.")
    var output: String?

    @Flag(help: "Laat gevonden woorden weg uit het overzicht.")
    var redact = false

    func run() throws {
        let session = try Session(common)
        // Only counts are kept per file, so a whole archive can be audited in little memory.
        var tally = AuditReport.Tally()
        var sawError = false
        session.run(paths, options: common) { report in
            if let error = report.error {
                printError("\(report.path): \(error.description)")
                sawError = true
            }
            tally.add(report)
        }
        let audit = tally.report
        let text: String
        switch format {
        case .text: text = audit.text(redact: redact)
        case .json: text = audit.json(redact: redact)
        case .csv: text = audit.csv()
        case .html: text = audit.html(redact: redact)
        }
        if let output {
            do {
                try writeAtomically(text, to: output)
            } catch {
                printError("\(output): kan het bestand niet schrijven")
                throw ExitCode(2)
            }
        } else {
            var buffer = OutputBuffer()
            buffer.write(text)
            buffer.flush()
        }
        if sawError { throw ExitCode(2) }
    }
}
