import Foundation
import PackagePlugin

/// Compiles `Lexicons/**/*.yml` into an embedded Swift source file, so lexicons are data in the
/// repository but cost no YAML parsing at run time.
@main
struct LexiconPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let lexicons = context.package.directoryURL.appending(path: "Lexicons")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yml" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Compiling \(inputs.count) lexicon files",
                executable: try context.tool(named: "helder-lexicon-compiler").url,
                arguments: [output.path, lexicons.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
