import ArgumentParser
import Foundation
import Helder

/// The `helder` executable's entry point (its `main.swift` only calls this).
public enum HelderCLI {
    public static func main() { HelderCommand.main() }
}

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

    /// Like ArgumentParser's own `main`, but a wrong command line exits with 2, as the help promises
    /// (ArgumentParser would use 64).
    static func main() {
        do {
            var command: any ParsableCommand = try QuickCheckArguments.parse(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Self.exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
