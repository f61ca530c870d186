import Testing
import NetcardsCore

@Suite("Deck parser: code blocks in questions and table cells")
struct DeckParserCodeBlockTests {
    static let deck = deckHeader + """
        Q: Which server answered? {#who-answered}
        ```text
        ;; Query time: 0 msec
        ;; SERVER: 127.0.0.1#53(127.0.0.1) (UDP)
        \tindented\twith tabs
          two leading spaces
        ```
        A: 127.0.0.1
        Tags: output

        Table: readings
        | Output | Means |
        |---|---|
        | {{refused}} | nothing listens |

        Reveal means: What does this output mean? {Output} => {Means}
        Reveal shows: Which output shows that {Means}? => {Output}

        Block: refused
        ````
        nc: connect to 127.0.0.1 port 9 (tcp) failed: Connection refused
        ```
        ````
        """

    let cards: [String: CardDefinition]

    init() throws {
        cards = Dictionary(uniqueKeysWithValues: try DeckParser.parse(Self.deck, file: "Decks/t.md").cards.map { ($0.id, $0) })
    }

    @Test func aFencedBlockUnderTheQuestionBelongsToItVerbatim() throws {
        let card = try #require(cards["net/who-answered"])
        #expect(CardText.prose(of: card.front) == "Which server answered?")
        #expect(CardText.codeLines(of: card.front) == [
            ";; Query time: 0 msec", ";; SERVER: 127.0.0.1#53(127.0.0.1) (UDP)", "\tindented\twith tabs", "  two leading spaces",
        ])
        #expect(card.answers == ["127.0.0.1"])
        #expect(card.mode == .typed)
        #expect(card.tags == ["output"])
    }

    @Test func aTableCellNamingABlockShowsTheBlockOnLinesOfItsOwn() throws {
        let means = try #require(cards["net/readings/refused/means"])
        #expect(CardText.blocks(of: means.front) == [
            .prose("What does this output mean?"),
            .code(["nc: connect to 127.0.0.1 port 9 (tcp) failed: Connection refused", "```"]),
        ])
        #expect(means.back == "nothing listens")
        let shows = try #require(cards["net/readings/refused/shows"])
        #expect(CardText.codeLines(of: shows.back) == ["nc: connect to 127.0.0.1 port 9 (tcp) failed: Connection refused", "```"])
    }

    @Test func tabsExpandToTheNextStopOfEight() {
        #expect(CardText.expandingTabs("\tindented\twith tabs") == "        indented        with tabs")
        #expect(CardText.expandingTabs("ab\tc") == "ab      c")
        #expect(CardText.width(of: "a\t") == 8)
    }

    @Test func aFenceLongerThanAnyInnerFenceKeepsTheBlockWhole() {
        let text = "Q?\n" + CardText.fenced(["```", "x"])
        #expect(CardText.blocks(of: text) == [.prose("Q?"), .code(["```", "x"])])
    }

    @Test func aCodeBlockInCommentaryMakesNoCard() throws {
        let deck = try DeckParser.parse(deckHeader + "```\nQ: not a card {#no}\nA: no\n```\n\nQ: a card? {#yes}\nA: yes\n", file: "t.md")
        #expect(deck.cards.map(\.id) == ["net/yes"])
    }
}
