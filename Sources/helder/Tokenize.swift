import ArgumentParser
import Helder

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        let rules = RuleSet(lexicons: RuleSet.builtInLexicons())
        let document = rules.analyzer.analyze(source)
        var output = OutputBuffer()
        let counter = CodePointCounter(source.text)
        switch format {
        case .tsv:
            for sentence in document.sentences {
                for index in sentence {
                    let token = document.tokens[index]
                    let start = counter.count(upTo: token.start)
                    let end = counter.count(upTo: token.end)
                    output.write("\(start)\t\(end)\t\(escape(source.string(token.range)))\n")
                }
                output.write("\n")
            }
        case .json:
            output.write(TokenJSON.render(document, counter: counter))
        }
        output.flush()
    }

    func escape(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
