import NetcardsCore
import NetcardsStore

/// Writes a deck as netcards Markdown: front matter, then every card as a free card (`Q:` with its id,
/// `A:` with alternatives joined by ` | `, or `Reveal:` with its lines indented). Importing the file gives the
/// same cards under the same ids, except table cards, whose ids (`TABLE/ROW/TEMPLATE`) a free card can't carry:
/// they get the slug of it.
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
        var out = "Q: \(oneLine(card.front)) {#\(id)}\n"
        let answers = card.answers.isEmpty ? [card.back] : card.answers
        if card.mode == .typed, !answers.contains(where: { $0.contains("\n") || $0.isEmpty }) {
            out += "A: \(answers.map(oneLine).joined(separator: " | "))\n"
        } else {
            let lines = card.back.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            out += "Reveal: \(lines.first ?? "")\n"
            for line in lines.dropFirst() { out += "  \(line)\n" }
        }
        if !card.tags.isEmpty { out += "Tags: \(card.tags.joined(separator: ", "))\n" }
        return out
    }

    /// The card's id without the `DECK/` prefix when that is a valid free-card id; otherwise its slug.
    private static func uniqueId(for card: CardRecord, deck: String, used: inout Set<String>) -> String {
        let local = card.id.hasPrefix(deck + "/") ? String(card.id.dropFirst(deck.count + 1)) : card.id
        var id = DeckNaming.isValidName(local) ? local : DeckNaming.slug(local)
        if id.isEmpty { id = "card" }
        var candidate = id
        var counter = 2
        while !used.insert(candidate).inserted {
            candidate = "\(id)-\(counter)"
            counter += 1
        }
        return candidate
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
