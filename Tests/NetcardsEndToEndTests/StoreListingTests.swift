import Foundation
import NetcardsCore
import Testing

@Suite("A new store lists the bundled decks")
struct StoreListingTests {
    @Test("cards --json on a new store lists every card of Decks/*.md, all new and undated")
    func newStoreListsEveryBundledCard() throws {
        let sandbox = try Sandbox()
        let sources = try DeckSources.parsed()
        let cards = try sandbox.cards()
        let decks = try sandbox.decks()

        // Three counts that must agree: the deck files, the binary's deck summary, the card listing.
        let sourceCount = sources.reduce(0) { $0 + $1.cards.count }
        #expect(sourceCount > 120)
        #expect(decks.reduce(0) { $0 + $1.cards } == sourceCount)
        #expect(cards.count == sourceCount)
        #expect(Set(cards.map(\.id)) == Set(sources.flatMap { $0.cards.map(\.id) }), "card ids differ from Decks/*.md")
        #expect(Set(cards.map(\.id)).count == cards.count, "card ids repeat")

        // Per deck, in the files' order.
        #expect(decks.map(\.deck) == sources.map(\.name))
        for source in sources {
            #expect(cards.filter { $0.deck == source.name }.count == source.cards.count, "deck \(source.name)")
            #expect(decks.first { $0.deck == source.name }?.new == source.cards.count)
        }

        for card in cards {
            #expect(card.state == "new", "\(card.id)")
            #expect(card.due == nil, "\(card.id)")
            #expect(card.reps == 0 && card.lapses == 0 && card.interval == 0, "\(card.id)")
            #expect(card.ease == 2.5, "\(card.id)")
            #expect(!card.front.isEmpty && !card.back.isEmpty, "\(card.id)")
        }
        // The store went where --db said, and nowhere near HOME's default place.
        #expect(FileManager.default.fileExists(atPath: sandbox.storePath))
        #expect(!FileManager.default.fileExists(atPath: sandbox.defaultStorePath))
    }
}
