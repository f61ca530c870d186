import Testing
import NetcardsCore
import NetcardsStore

/// What `netcards quiz NAME` asks, read from the store: the rows of a table, or of a deck's tables.
@Suite("Quiz cards from the store")
final class QuizCardsTests {
    let folder: TemporaryFolder
    let store: NetcardsStore

    /// `net` has the table `ports` (3 rows × 2 questions) and one free card; `osi` has the table `layers`
    /// (2 rows × 1 question); `cloud` has no table.
    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load([networkingDeck(), cloudDeck, Self.layersDeck])
    }

    static let layersDeck = """
        ---
        deck: osi
        module: Networking
        ---

        Table: layers
        | Layer | Number |
        |---|---|
        | transport | 4 |
        | network | 3 |

        Card number: Which layer number is {Layer}? => {Number}
        """

    static let ports = ["net/ports/ssh/port", "net/ports/ssh/service", "net/ports/dns/port", "net/ports/dns/service",
                        "net/ports/http/port", "net/ports/http/service"]

    func quiz(_ name: String) throws -> [String] { try store.quizCards(named: name).map(\.id) }

    @Test func aTableNameGivesThatTablesRowsInDeckOrder() throws {
        #expect(try quiz("ports").sorted() == Self.ports.sorted())
        #expect(try quiz("layers") == ["osi/layers/transport/number", "osi/layers/network/number"])
    }

    @Test func aDeckNameGivesItsTableRowsOnly() throws {
        #expect(try quiz("net").sorted() == Self.ports.sorted(), "the free card net/dns-phonebook is not a table row")
        #expect(try quiz("cloud").isEmpty)
        #expect(try quiz("nope").isEmpty)
    }

    @Test func suspendedAndRetiredCardsAreNeverAsked() throws {
        try store.setSuspended(true, cardId: "net/ports/dns/port", today: day1)
        try store.load([networkingDeck(rows: ["| ssh | 22 |", "| dns | 53 |"]), cloudDeck, Self.layersDeck])
        #expect(try quiz("ports").sorted() == ["net/ports/dns/service", "net/ports/ssh/port", "net/ports/ssh/service"])
        try store.setSuspended(false, cardId: "net/ports/dns/port", today: day1)
        #expect(try quiz("ports").contains("net/ports/dns/port"))
    }

    @Test func theNamesOnOfferAreTablesAndDecksWithTables() throws {
        let names = try store.quizNames()
        #expect(names.tables == ["layers", "ports"])
        #expect(names.decks == ["net", "osi"])
    }
}
