import ArgumentParser
import Helder

@main
struct HelderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helder",
        abstract: "Controleert brieven en verslagen op vaktaal, afkortingen, opdrachten en verwijtende woorden.",
        discussion: """
            Voorbeelden:
              helder check brief.txt                 een brief controleren
              helder check sjablonen/ --format sarif een map controleren, uitvoer voor GitHub
              cat brief.txt | helder check - --stdin-filename brief.txt
              helder audit sjablonen/ --format html --output rapport.html
              helder explain OTS                     uitleg over een regel of woord
            """,
        version: HelderVersion.current,
        subcommands: [Check.self, Audit.self, Tokenize.self, Rules.self, Explain.self, Init.self],
        defaultSubcommand: Check.self
    )
}
