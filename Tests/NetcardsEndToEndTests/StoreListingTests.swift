import Foundation
import NetcardsCore
import NetcardsTestSupport
import Testing

@Suite("A new store lists the bundled decks")
struct StoreListingTests {
    /// The labs deck, bundled beside Decks/*.md: one card per lab of `netcards lab`.
    static let labCards = ["listening", "refused-or-silent", "dns", "cluster-dns", "resolve", "gateway-errors", "route"]
        .map { "labs/\($0)" }

    @Test("cards --json on a new store lists every card of Decks/*.md and the labs, all new and undated")
    func newStoreListsEveryBundledCard() throws {
        let sandbox = try Sandbox()
        let sources = try DeckSources.parsed()
        let cards = try sandbox.cards()
        let decks = try sandbox.decks()

        // Three counts that must agree: the deck files (and the labs), the binary's deck summary, the card listing.
        let sourceCount = sources.reduce(0) { $0 + $1.cards.count }
        #expect(sourceCount > 120)
        #expect(decks.reduce(0) { $0 + $1.cards } == sourceCount + Self.labCards.count)
        #expect(cards.count == sourceCount + Self.labCards.count)
        #expect(Set(cards.map(\.id)) == Set(sources.flatMap { $0.cards.map(\.id) } + Self.labCards), "card ids differ from Decks/*.md")
        #expect(Set(cards.map(\.id)).count == cards.count, "card ids repeat")
        #expect(cards.filter { $0.deck == "labs" }.allSatisfy { $0.module == "The debugging arsenal" })

        // Per deck, in the files' order, then the labs.
        #expect(decks.map(\.deck) == sources.map(\.name) + ["labs"])
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
