import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Cards: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cards", abstract: "List cards with their schedule.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this deck (repeatable).") var deck: [String] = []
        @Option(help: "Only cards in this state: new, learning, young, mature or suspended (repeatable).") var state: [CardProgress] = []
        @Option(help: "Only cards whose id, question, answers or tags contain TEXT (any case).") var search: String?
        @Flag(help: "Print a JSON array instead of a table.") var json = false

        func run() throws {
            let workspace = try Workspace(global)
            try DeckNames.check(deck, in: workspace.store)
            if json {
                try printJSON(workspace.store, today: workspace.clock.today)
                return
            }
            let cards = try workspace.store.cards(decks: deck).filter(isListed)
            let rows = cards.map { card in
                [card.id, card.progress.rawValue, card.due?.iso ?? "-", String(card.interval),
                 Self.oneLine(CardText.prose(of: card.front), 60)]
            }
            // A question's code block follows its row, verbatim: a table cell would have to flatten it.
            let below = cards.map { card in
                Array(CardText.blocks(of: card.front).compactMap { block -> [String]? in
                    if case .code(let code) = block { CardTextView.codeLines(code) } else { nil }
                }.joined(separator: [""]))
            }
            TerminalOutput.standardOutput.line(TextTable.render(header: ["id", "state", "due", "ivl", "front"], rows: rows,
                                                                below: below, rightAligned: [3], style: workspace.style))
        }

        /// Streams the array card by card: 100,000 cards never sit in memory as one JSON document,
        /// and writing each object directly is ten times faster than JSONEncoder per card.
        private func printJSON(_ store: NetcardsStore, today: StudyDay) throws {
            let output = TerminalOutput.standardOutput
            let schedulers = try store.schedulers()
            var buffer = "["
            var first = true
            try store.forEachCard(decks: deck) { card in
                guard isListed(card) else { return }
                buffer += first ? "\n  " : ",\n  "
                first = false
                CardJSON(card, recall: schedulers.recall(of: card.memory, on: today)).write(to: &buffer)
                if buffer.utf8.count > 1 << 16 { output.json(buffer); buffer = "" }
            }
            buffer += first ? "]\n" : "\n]\n"
            output.json(buffer)
        }

        private func isListed(_ card: CardRecord) -> Bool {
            if !state.isEmpty && !state.contains(card.progress) { return false }
            guard let search, !search.isEmpty else { return true }
            return ([card.id, card.front, card.back] + card.acceptedAnswers + card.tags).contains {
                $0.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            }
        }

        static func oneLine(_ text: String, _ limit: Int) -> String {
            let flat = text.replacingOccurrences(of: "\n", with: " ")
            return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
        }
    }
}

extension CardProgress: ExpressibleByArgument {}

struct CardJSON {
    var id, deck, module, front, back, state, kind: String
    var reps, lapses, interval: Int
    var ease: Double
    var due: String?
    var tags: [String]
    /// Answers the learner added with `:accept`.
    var accepted: [String]
    /// FSRS's memory, whichever scheduler is active: nil until FSRS has seen the card answered.
    var stability, difficulty, retrievability: Double?

    /// `recall`: FSRS's estimate of recalling the card today.
    init(_ card: CardRecord, recall: Double) {
        id = card.id
        deck = card.deck
        module = card.module
        front = card.front
        back = card.back
        state = card.progress.rawValue
        kind = card.mode.rawValue
        reps = card.memory.sm2.repetitions
        lapses = card.memory.sm2.lapses
        interval = card.interval
        ease = card.memory.sm2.ease
        due = card.due?.iso
        tags = card.tags
        accepted = card.learnerAnswers
        stability = card.memory.fsrs.memory?.stability
        difficulty = card.memory.fsrs.memory?.difficulty
        retrievability = stability == nil ? nil : recall
    }

    /// One object with sorted keys, as `JSONEncoder` with `.sortedKeys` would write it.
    func write(to out: inout String) {
        out += "{\"accepted\":[" + accepted.map(JSONText.quoted).joined(separator: ",") + "]"
        out += ",\"back\":" + JSONText.quoted(back) + ",\"deck\":" + JSONText.quoted(deck)
        out += ",\"difficulty\":" + JSONText.number(difficulty)
        out += ",\"due\":" + (due.map(JSONText.quoted) ?? "null") + ",\"ease\":\(ease)"
        out += ",\"front\":" + JSONText.quoted(front) + ",\"id\":" + JSONText.quoted(id)
        out += ",\"interval\":\(interval),\"kind\":" + JSONText.quoted(kind) + ",\"lapses\":\(lapses),\"module\":" + JSONText.quoted(module)
        out += ",\"reps\":\(reps),\"retrievability\":" + JSONText.number(retrievability)
        out += ",\"stability\":" + JSONText.number(stability) + ",\"state\":" + JSONText.quoted(state)
        out += ",\"tags\":[" + tags.map(JSONText.quoted).joined(separator: ",") + "]}"
    }
}

enum JSONText {
    /// A JSON number, or null for nil (or a value JSON cannot hold).
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return "\(value)"
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters (C0, DEL and C1) escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where ControlCharacters.isEscaped(scalar): result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

enum DeckNames {
    /// A misspelt --deck is an error that lists the real names, not an empty result.
    static func check(_ names: [String], in store: NetcardsStore) throws {
        guard !names.isEmpty else { return }
        let known = try store.deckNames()
        for name in names where !known.contains(name) {
            throw UserError("there is no deck named \(name) — decks: \(known.joined(separator: ", "))")
        }
    }
}
