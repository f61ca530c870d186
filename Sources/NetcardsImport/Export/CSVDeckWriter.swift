import NetcardsStore

/// Cards as netcards' own CSV (front, back, tags, deck, module), which `netcards import` reads back.
public enum CSVDeckWriter {
    public static func text(cards: [CardRecord]) throws -> String {
        try DelimitedText.csv(header: ["front", "back", "tags", "deck", "module"], rows: cards.map { card in
            [card.front, card.back, card.tags.joined(separator: " "), card.deck, card.module]
        })
    }
}
