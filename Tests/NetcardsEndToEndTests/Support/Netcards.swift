import Foundation
import NetcardsCore
import NetcardsLab
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

// The sandbox, the runs through pipes and what `cards --json` prints live in NetcardsTestSupport, shared with
// the reliability tests.

extension Sandbox {
    /// Starts netcards on a fresh pseudo-terminal (TERM=xterm, 120×30 unless told) with `--db` pointing at this store.
    func terminal(_ arguments: [String], env extra: [String: String] = [:], db: Store = .own,
                  columns: UInt16 = 120) throws -> PseudoTerminal {
        try PseudoTerminal(executable: NetcardsBinary.require(), arguments: arguments + storeArguments(db),
                           environment: environment(adding: ["TERM": "xterm"].merging(extra) { _, new in new }),
                           columns: columns)
    }

    /// netcards with stdin and stdout (stderr merged in) as pipes that stay open, for talking to it line by line
    /// and signalling it mid-run, as a script, CI job or `timeout` would.
    func pipedSession(_ arguments: [String], env extra: [String: String] = [:]) throws -> RunningProgram {
        try start(arguments, env: extra, mergingErrors: true)
    }
}

// MARK: - Cards on screen

/// The card whose question appears in `text` (the longest match, as one question may contain another).
func card(shownIn text: String, among cards: [StoredCard], sourceLocation: SourceLocation = #_sourceLocation) throws -> StoredCard {
    let shown = cards.filter { text.contains($0.front) }.max { $0.front.count < $1.front.count }
    return try #require(shown, "no known card question in:\n\(text)", sourceLocation: sourceLocation)
}

// MARK: - The bundled decks' source

enum DeckSources {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Decks", directoryHint: .isDirectory)

    /// Decks/*.md parsed by the same parser the binary embeds them with.
    static func parsed() throws -> [DeckDefinition] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { file in
            try DeckParser.parse(String(contentsOf: file, encoding: .utf8), file: "Decks/\(file.lastPathComponent)")
        }
    }
}

extension String {
    var containsEscape: Bool { utf8.contains(0x1B) }
}

extension Data {
    var containsEscape: Bool { contains(0x1B) }
}
