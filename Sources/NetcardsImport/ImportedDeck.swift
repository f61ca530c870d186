import NetcardsCore
import NetcardsStore

/// One deck an import loads: its name, module and title, and its cards, kept packed until the store writes them.
public struct ImportedDeck: LoadableDeck {
    public let name: String
    public let module: String
    public let title: String?
    var cards: PackedCards

    init(name: String, module: String, title: String?) {
        self.name = name
        self.module = module
        self.title = title
        cards = PackedCards(deck: name)
    }

    public var contentHash: String? { nil }
    public var cardCount: Int { cards.count }

    public func forEachCard(_ body: (CardDefinition) throws -> Void) rethrows {
        try cards.forEach(body)
    }

    /// The whole deck, every card unpacked at once: for tests and tools, not for loading a large import.
    public var definition: DeckDefinition {
        var all: [CardDefinition] = []
        all.reserveCapacity(cardCount)
        forEachCard { all.append($0) }
        return DeckDefinition(name: name, module: module, title: title, cards: all)
    }
}
