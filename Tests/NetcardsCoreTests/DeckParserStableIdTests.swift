import Testing
import NetcardsCore

/// Progress follows a card's id, so rewording a deck must not change any id.
@Suite("Deck parser: stable ids")
struct DeckParserStableIdTests {
    @Test func rewordingQuestionsAnswersAndCellsKeepsEveryId() throws {
        let original = try DeckParser.parse(sampleDeck, file: "Decks/sample.md")
        let reworded = try DeckParser.parse(rewordedSampleDeck, file: "Decks/sample.md")
        #expect(reworded.cards.map(\.id) == original.cards.map(\.id))
        #expect(reworded.cards.map(\.noteKey) == original.cards.map(\.noteKey))
    }

    @Test func rewordingReallyChangedTheContent() throws {
        let original = try DeckParser.parse(sampleDeck, file: "Decks/sample.md")
        let reworded = try DeckParser.parse(rewordedSampleDeck, file: "Decks/sample.md")
        for (before, after) in zip(original.cards, reworded.cards) {
            #expect(before.front != after.front || before.answers != after.answers, "\(before.id) was not reworded")
        }
    }

    @Test func addingARowKeepsTheOtherIds() throws {
        let original = try DeckParser.parse(sampleDeck, file: "Decks/sample.md")
        let withRedis = try DeckParser.parse(
            sampleDeck.replacingOccurrences(of: "| etcd | 2379-2380 | TCP |", with: "| redis | 6379 | TCP |\n| etcd | 2379-2380 | TCP |"),
            file: "Decks/sample.md")
        #expect(Set(original.cards.map(\.id)).isSubset(of: withRedis.cards.map(\.id)))
        #expect(withRedis.cards.count == original.cards.count + 3)
    }

    @Test func renamingARowKeyGivesNewIds() throws {
        let renamed = try DeckParser.parse(sampleDeck.replacingOccurrences(of: "| ssh | 22 |", with: "| openssh | 22 |"),
                                           file: "Decks/sample.md")
        #expect(renamed.cards.contains { $0.id == "protocols/ports/openssh/port" })
        #expect(!renamed.cards.contains { $0.id == "protocols/ports/ssh/port" })
    }

    @Test func parsingTwiceGivesTheSameDeck() throws {
        #expect(try DeckParser.parse(sampleDeck, file: "a.md") == DeckParser.parse(sampleDeck, file: "a.md"))
    }
}
