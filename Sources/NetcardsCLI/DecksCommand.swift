import ArgumentParser
import Foundation
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Decks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decks", abstract: "List the decks: module, cards, due today, new.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let workspace = try Workspace(global)
            let decks = try workspace.store.deckSummaries(today: workspace.clock.today)
            if json {
                try JSONOutput.print(decks.map { DeckJSON(deck: $0.deck, module: $0.module, title: $0.title, source: $0.source,
                                                            cards: $0.cards, due: $0.dueToday, new: $0.new, suspended: $0.suspended) })
                return
            }
            let rows = decks.map { [$0.deck, $0.module, String($0.cards), String($0.dueToday), String($0.new)] }
            TerminalOutput.standardOutput.line(TextTable.render(header: ["deck", "module", "cards", "due", "new"], rows: rows, rightAligned: [2, 3, 4],
                                   style: workspace.style))
        }
    }
}

struct DeckJSON: Encodable {
    var deck: String
    var module: String
    var title: String?
    var source: String
    var cards: Int
    var due: Int
    var new: Int
    var suspended: Int
}

enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        TerminalOutput.standardOutput.json(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}
