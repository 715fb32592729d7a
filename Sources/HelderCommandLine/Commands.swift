import ArgumentParser
import Foundation
import Helder
import LexiconFormat

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Toont alle regels en lexicon-woorden met id, categorie en niveau.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Uitvoer: text of json.")
    var format: Format = .text

    func run() throws {
        let lexicons = RuleSet.builtInLexicons()
        var output = OutputBuffer()
        switch format {
        case .text:
            for rule in lexicons.rules {
                output.write("\(rule.id)\t\(rule.category?.rawValue ?? "template")\t\(rule.severity.rawValue)\t\(rule.name): \(rule.summary)\n")
            }
            output.write("\n")
            for entry in lexicons.entries {
                output.write("\(entry.id)\t\(entry.rule)\t\(entry.severity.rawValue)\t\(entry.forms.joined(separator: ", "))\n")
            }
        case .json:
            let rules: [JSONValue] = lexicons.rules.map { rule in
                .object([("id", .string(rule.id)), ("category", .string(rule.category?.rawValue ?? "template")),
                         ("severity", .string(rule.severity.rawValue)), ("name", .string(rule.name)),
                         ("summary", .string(rule.summary))])
            }
            let entries: [JSONValue] = lexicons.entries.map { entry in
                .object([("id", .string(entry.id)), ("rule", .string(entry.rule)), ("category", .string(entry.category.rawValue)),
                         ("severity", .string(entry.severity.rawValue)), ("forms", .array(entry.forms.map(JSONValue.string))),
                         ("alternatives", .array(entry.alternatives.map(JSONValue.string)))])
            }
            output.write(JSONValue.object([("rules", .array(rules)), ("entries", .array(entries))]).rendered(indent: 2) + "\n")
        }
        output.flush()
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Legt een regel of woord uit: wat Helder zoekt, waarom, en wat u beter kunt schrijven.")

    @Argument(help: "Een regel-id (jargon.term), een categorie, een entry-id of een woord (OTS, risicotaxatie).")
    var subject: String

    func run() throws {
        let lexicons = RuleSet.builtInLexicons()
        let rules = Dictionary(lexicons.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var text = ""
        if let rule = rules[subject] ?? lexicons.rules.first(where: { $0.category?.rawValue == subject }) {
            text += "\(rule.id) — \(rule.name)\n\n\(rule.summary)\n\nWaarom: \(rule.rationale)\n\nAdvies: \(rule.suggestion)\n\n"
            text += "Zo niet:\n" + rule.examples.map { "  - " + Self.plain($0) }.joined(separator: "\n") + "\n"
            text += "Zo wel:\n" + rule.counterexamples.map { "  - " + $0 }.joined(separator: "\n") + "\n"
            let count = lexicons.entries.filter { $0.rule == rule.id }.count
            if count > 0 { text += "\nDeze regel gebruikt \(count) woorden uit de lexicons (zie: helder rules).\n" }
        } else {
            let key = TextFolding.fold(subject)
            let matches = lexicons.entries.filter { entry in
                entry.id == subject || entry.forms.contains { $0 == subject || TextFolding.fold($0) == key }
            }
            guard !matches.isEmpty else {
                let candidates = lexicons.rules.map(\.id) + lexicons.entries.map(\.id)
                let hint = candidates.min { editDistance($0, subject) < editDistance($1, subject) }
                printError("onbekende regel of woord '\(subject)'" + (hint.map { "; bedoelde je '\($0)'?" } ?? ""))
                throw ExitCode(2)
            }
            for entry in matches {
                text += "\(entry.forms.first ?? entry.id) (\(entry.id), regel \(entry.rule), \(entry.severity.rawValue))\n\n"
                if let expansion = entry.expansion { text += "Betekenis: \(expansion)\n\n" }
                text += "Waarom: \(entry.explanation)\n\n"
                text += "Schrijf liever: " + entry.alternatives.joined(separator: "; ") + "\n\n"
                text += "Zo niet:\n" + entry.examples.map { "  - " + Self.plain($0) }.joined(separator: "\n") + "\n"
                text += "Zo wel:\n" + entry.counterexamples.map { "  - " + $0 }.joined(separator: "\n") + "\n\n"
            }
        }
        print(text, terminator: "")
    }

    static func plain(_ example: String) -> String {
        example.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Schrijft een .helder.yml met alle opties en hun standaardwaarde.")

    @Flag(help: "Overschrijf een bestaande .helder.yml.")
    var force = false

    func run() throws {
        let path = Configuration.fileName
        if FileManager.default.fileExists(atPath: path), !force {
            printError("\(path) bestaat al; gebruik --force om het te overschrijven")
            throw ExitCode(2)
        }
        do {
            try writeAtomically(Self.template, to: path)
        } catch {
            printError("\(path): kan het bestand niet schrijven")
            throw ExitCode(2)
        }
        print("\(path) geschreven.")
    }

    static let template = """
        # Instellingen voor Helder. Alle opties staan hier met hun standaardwaarde.

        # Voor wie zijn de teksten? brief: aan een ouder of jongere. dossier: verslagen over een gezin.
        profile: brief

        # Een ander profiel per map of bestand (glob: profiel). De eerste die past, telt.
        paths: {}
        #  "dossier/**": dossier

        # Welke bestanden controleren (globs). Leeg: *.txt *.md *.markdown *.html *.htm *.docx *.dotx *.docm *.odt *.ott
        include: []
        # Welke bestanden overslaan.
        exclude: []

        # Regels aan- of uitzetten en hun niveau (info, warning, error). Een regel-id, categorie
        # (jargon, abbreviation, directive, blame) of een woord-id uit 'helder rules'.
        rules:
          disable: []
          enable: []
          severity: {}

        # Woorden en namen die nooit gemeld worden, zoals de naam van uw organisatie.
        accept: []

        # Eigen lexicon-bestanden, in hetzelfde formaat als Lexicons/ van Helder.
        lexicons: []

        # Toon alleen bevindingen vanaf dit niveau.
        min_severity: info
        # Exitcode 1 bij een bevinding vanaf dit niveau (info, warning, error of never).
        fail_on: warning

        """
}
