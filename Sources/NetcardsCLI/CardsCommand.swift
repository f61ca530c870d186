import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsStore

extension Netcards {
    struct Cards: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cards with their schedule.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this deck (repeatable).") var deck: [String] = []
        @Flag(help: "Print a JSON array instead of a table.") var json = false

        func run() throws {
            let workspace = try Workspace(global)
            try DeckNames.check(deck, in: workspace.store, today: workspace.clock.today)
            if json {
                try printJSON(workspace.store)
                return
            }
            let cards = try workspace.store.cards(decks: deck)
            let rows = cards.map { card in
                [card.id, card.phase.rawValue, card.state.due?.iso ?? "-", String(card.state.interval), Self.oneLine(card.front, 60)]
            }
            print(TextTable.render(header: ["id", "state", "due", "ivl", "front"], rows: rows, rightAligned: [3], style: workspace.style))
        }

        /// Streams the array card by card: 100,000 cards never sit in memory as one JSON document.
        private func printJSON(_ store: NetcardsStore) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let output = FileHandle.standardOutput
            var buffer = Data("[".utf8)
            var first = true
            try store.forEachCard(decks: deck) { card in
                buffer.append(contentsOf: Array((first ? "\n  " : ",\n  ").utf8))
                first = false
                buffer.append(try encoder.encode(CardJSON(card)))
                if buffer.count > 1 << 16 { output.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            buffer.append(contentsOf: Array((first ? "]\n" : "\n]\n").utf8))
            output.write(buffer)
        }

        static func oneLine(_ text: String, _ limit: Int) -> String {
            let flat = text.replacingOccurrences(of: "\n", with: " ")
            return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
        }
    }
}

struct CardJSON: Encodable {
    var id, deck, module, front, back, state: String
    var reps, lapses, interval: Int
    var ease: Double
    var due: String?
    var tags: [String]

    init(_ card: CardRecord) {
        id = card.id
        deck = card.deck
        module = card.module
        front = card.front
        back = card.back
        state = card.phase.rawValue
        reps = card.state.repetitions
        lapses = card.state.lapses
        interval = card.state.interval
        ease = card.state.ease
        due = card.state.due?.iso
        tags = card.tags
    }

    enum CodingKeys: String, CodingKey { case id, deck, module, front, back, state, reps, lapses, interval, ease, due, tags }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(deck, forKey: .deck)
        try container.encode(module, forKey: .module)
        try container.encode(front, forKey: .front)
        try container.encode(back, forKey: .back)
        try container.encode(state, forKey: .state)
        try container.encode(reps, forKey: .reps)
        try container.encode(lapses, forKey: .lapses)
        try container.encode(interval, forKey: .interval)
        try container.encode(ease, forKey: .ease)
        try container.encode(due, forKey: .due)
        try container.encode(tags, forKey: .tags)
    }
}

enum DeckNames {
    /// A misspelt --deck is an error that lists the real names, not an empty result.
    static func check(_ names: [String], in store: NetcardsStore, today: StudyDay) throws {
        guard !names.isEmpty else { return }
        let known = try store.deckSummaries(today: today).map(\.deck)
        for name in names where !known.contains(name) {
            throw UserError("there is no deck named \(name) — decks: \(known.joined(separator: ", "))")
        }
    }
}
