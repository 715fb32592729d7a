import ArgumentParser
import Helder

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Toont de woorden (tokens) en zinnen die Helder in een tekst ziet.",
        discussion: """
            tsv: één token per regel als START<TAB>EIND<TAB>TEKST, met START en EIND in Unicode-tekens
            vanaf het begin van de tekst (na een eventuele BOM; EIND telt niet mee); een lege regel na
            elke zin. Tab, regeleinde en backslash in TEKST staan als \\t, \\n en \\\\.
            json: hetzelfde als objecten, met ook byte-posities, soort token en herkende eenheden.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

    @Argument(help: "Het bestand, of - voor standaardinvoer.")
    var file: String = "-"

    @Option(help: "Uitvoer: tsv of json.")
    var format: Format = .tsv

    func run() throws {
        let input = Input(path: file, stdinName: nil)
        let source: SourceText
        do {
            source = try input.readSource()
        } catch {
            printError("\(input.displayPath): \(error.description)")
            throw ExitCode(2)
        }
        // Only the segmentation knowledge is needed here, not the compiled rule matcher.
        let analyzer = Analyzer(lexicons: RuleSet.builtInLexicons())
        var output = OutputBuffer()
        let counter = CodePointCounter(source.text)
        switch format {
        case .tsv:
            let (tokens, sentences) = analyzer.segment(source.text)
            for sentence in sentences {
                for index in sentence {
                    let token = tokens[index]
                    output.writeNumber(counter.count(upTo: token.start))
                    output.writeByte(0x09)
                    output.writeNumber(counter.count(upTo: token.end))
                    output.writeByte(0x09)
                    output.writeEscaped(source.text[token.range])
                    output.writeByte(0x0A)
                }
                output.writeByte(0x0A)
            }
        case .json:
            TokenJSON.write(analyzer.analyze(source), counter: counter, to: &output)
        }
        output.flush()
    }
}
