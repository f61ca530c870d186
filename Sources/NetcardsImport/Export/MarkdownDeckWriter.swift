import NetcardsCore
import NetcardsStore

/// Writes a deck as netcards Markdown: front matter, then every card as a free card (`Q:` with its id and, for
/// a question of several lines, its next lines indented; `A:` with alternatives joined by ` | `, a `|` inside one
/// written `\|`; or `Reveal:` with its lines indented). Importing the file gives every card back as it was: the
/// same id (a table card's `TABLE/ROW/TEMPLATE` too), front, answers, mode and tags.
public enum MarkdownDeckWriter {
    public static func text(deck: String, module: String, title: String?, cards: [CardRecord]) -> String {
        var out = "---\ndeck: \(deck)\nmodule: \(oneLine(module))\n"
        if let title, !title.isEmpty { out += "title: \(oneLine(title))\n" }
        out += "---\n"
        var used = Set<String>()
        for card in cards {
            out += "\n" + block(for: card, id: uniqueId(for: card, deck: deck, used: &used))
        }
        return out
    }

    private static func block(for card: CardRecord, id: String) -> String {
        // Text lines after the first are indented; code blocks stay fenced and verbatim, in their place.
        var front = CardText.blocks(of: card.front).flatMap { block -> [String] in
            switch block {
            case .prose(let text): lines(text).map { "  \($0)" }
            case .code(let code): [CardText.fenced(code)]
            }
        }
        if front.first?.hasPrefix("  ") == true { front[0].removeFirst(2) } else { front.insert("", at: 0) }
        var out = "Q: \(front[0]) {#\(id)}\n" + front.dropFirst().map { $0 + "\n" }.joined()
        let answers = card.answers.isEmpty ? [card.back] : card.answers
        let answer = lines(card.mode == .typed ? TypedAnswers.join(answers) : answers[0])
        out += "\(card.mode == .typed ? "A:" : "Reveal:") \(answer.first ?? "")\n" + indented(answer.dropFirst())
        if !card.tags.isEmpty { out += "Tags: \(card.tags.joined(separator: ", "))\n" }
        return out
    }

    /// The text's lines, trimmed, blank ones left out (as cards keep their text, so nothing is lost).
    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func indented(_ lines: ArraySlice<String>) -> String {
        lines.map { "  \($0)\n" }.joined()
    }

    /// The card's id without the `DECK/` prefix when that is a valid free-card id; otherwise its slug.
    private static func uniqueId(for card: CardRecord, deck: String, used: inout Set<String>) -> String {
        let local = card.id.hasPrefix(deck + "/") ? String(card.id.dropFirst(deck.count + 1)) : card.id
        var id = DeckNaming.isValidPath(local) ? local : DeckNaming.slug(local)
        if id.isEmpty { id = "card" }
        var candidate = id
        var counter = 2
        while !used.insert(candidate).inserted {
            candidate = "\(id)-\(counter)"
            counter += 1
        }
        return candidate
    }

    private static func oneLine(_ text: String) -> String { lines(text).joined(separator: " ") }
}
