import Testing
import NetcardsCore

@Suite("Deck parser: the cards of a valid deck")
struct DeckParserCardTests {
    let deck: DeckDefinition
    var byId: [String: CardDefinition] { Dictionary(uniqueKeysWithValues: deck.cards.map { ($0.id, $0) }) }

    init() throws {
        deck = try DeckParser.parse(sampleDeck, file: "Decks/sample.md")
    }

    @Test func frontMatterNamesTheDeckModuleAndTitle() {
        #expect(deck.name == "protocols")
        #expect(deck.module == "Ports, protocols, packets & routing")
        #expect(deck.title == "Protocols")
        #expect(deck.cards.compactMap(\.table).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } == ["ports", "layers"])
    }

    @Test func cardsComeTemplateByTemplateInDeckOrder() {
        #expect(deck.cards.map(\.id) == [
            "protocols/ports/ssh/port", "protocols/ports/postgres/port", "protocols/ports/etcd/port",
            "protocols/ports/ssh/service", "protocols/ports/postgres/service", "protocols/ports/etcd/service",
            "protocols/ports/ssh/transport", "protocols/ports/postgres/transport", "protocols/ports/etcd/transport",
            "protocols/layers/l3-network/job",
            "protocols/dns-recursive", "protocols/dns-phonebook",
        ])
    }

    @Test func aRowKeyIsItsFirstCellSlugged() {
        #expect(byId["protocols/layers/l3-network/job"]?.front == "What does L3 / Network do?")
        #expect(DeckNaming.slug("L3 / Network") == "l3-network")
    }

    @Test func templatesRenderTheRowsCells() {
        let card = byId["protocols/ports/ssh/port"]
        #expect(card?.front == "Which port does ssh listen on by default?")
        #expect(card?.answers == ["22"])
        #expect(card?.back == "22")
        #expect(byId["protocols/ports/etcd/service"]?.front == "What listens on port 2379-2380 by default?")
    }

    @Test func escapedPipesInACellAreAlternatives() {
        #expect(byId["protocols/ports/postgres/port"]?.front == "Which port does postgres listen on by default?",
                "a question shows the first alternative")
        #expect(byId["protocols/ports/postgres/service"]?.answers == ["postgres", "postgresql"],
                "an answer that is one column accepts every alternative")
        #expect(byId["protocols/ports/postgres/service"]?.back == "postgres")
    }

    @Test func anAnswerWithMoreThanOneColumnIsRenderedAsOneAnswer() {
        #expect(byId["protocols/ports/ssh/transport"]?.answers == ["It uses TCP."])
    }

    @Test func barsInAnAAnswerAreAlternatives() {
        #expect(byId["protocols/dns-phonebook"]?.answers == ["the phonebook", "phonebook"])
        #expect(byId["protocols/dns-phonebook"]?.front == "In the internet's mental model, what is DNS?")
    }

    @Test func cardAndAAreTypedRevealIsRevealed() {
        #expect(byId["protocols/ports/ssh/port"]?.mode == .typed)
        #expect(byId["protocols/ports/ssh/transport"]?.mode == .reveal)
        #expect(byId["protocols/layers/l3-network/job"]?.mode == .reveal)
        #expect(byId["protocols/dns-phonebook"]?.mode == .typed)
        #expect(byId["protocols/dns-recursive"]?.mode == .reveal)
    }

    @Test func aRevealAnswerContinuesOnIndentedLines() {
        let expected = "The stub asks a recursive resolver, which walks root → TLD → authoritative\nservers and caches every answer for its TTL."
        #expect(byId["protocols/dns-recursive"]?.answers == [expected])
        #expect(byId["protocols/dns-recursive"]?.back == expected)
    }

    @Test func tagsComeFromTheFrontMatterAndTagsLines() {
        #expect(byId["protocols/ports/ssh/port"]?.tags == ["networking", "basics", "ports", "defaults"])
        #expect(byId["protocols/layers/l3-network/job"]?.tags == ["networking", "basics"])
        #expect(byId["protocols/dns-recursive"]?.tags == ["networking", "basics", "dns"])
        #expect(byId["protocols/dns-phonebook"]?.tags == ["networking", "basics"])
    }

    @Test func cardsOfOneRowAreSiblings() {
        let ssh = deck.cards.filter { $0.noteKey == "protocols/ports/ssh" }.map(\.template)
        #expect(ssh == ["port", "service", "transport"])
        #expect(byId["protocols/dns-phonebook"]?.noteKey == "protocols/dns-phonebook")
    }

    @Test func fencedCodeBlocksAreIgnored() {
        #expect(!deck.cards.contains { $0.id.contains("fenced") })
        #expect(deck.cards.count == 12)
    }

    @Test func windowsLineEndingsParseTheSame() throws {
        let crlf = sampleDeck.replacingOccurrences(of: "\n", with: "\r\n")
        do {
            let parsed = try DeckParser.parse(crlf, file: "Decks/sample.md")
            #expect(parsed == deck)
        }
    }
}
