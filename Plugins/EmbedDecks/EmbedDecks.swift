import Foundation
import PackagePlugin

/// Embeds every Decks/*.md file into the NetcardsDecks target as Swift source, so the binary
/// carries its decks and still works when copied alone. Decks/ stays the only hand-edited copy.
@main
struct EmbedDecks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let decksFolder = context.package.directoryURL.appending(path: "Decks")
        let deckFiles = try FileManager.default.contentsOfDirectory(at: decksFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDecks.swift")
        return [.buildCommand(
            displayName: "Embedding \(deckFiles.count) decks from Decks/",
            executable: try context.tool(named: "deck-embedder").url,
            arguments: [output.path] + deckFiles.map(\.path),
            inputFiles: deckFiles,
            outputFiles: [output]
        )]
    }
}
