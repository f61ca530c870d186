import Foundation
import Testing
import NetcardsCore
import NetcardsStore

@Suite("Loading decks into the store")
final class DeckLoadingTests {
    let folder: TemporaryFolder
    let store: NetcardsStore

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
    }

    let allIds = [
        "net/ports/ssh/port", "net/ports/dns/port", "net/ports/http/port",
        "net/ports/ssh/service", "net/ports/dns/service", "net/ports/http/service",
        "net/dns-phonebook",
    ]

    @Test func aFirstLoadAddsEveryCardInDeckOrder() throws {
        let report = try #require(try store.load([networkingDeck()]).first)
        #expect(report.deck == "net")
        #expect(report.added == allIds)
        #expect(report.changed.isEmpty && report.retired.isEmpty)
        #expect(try store.cards().map(\.id) == allIds)
    }

    @Test func loadedCardsKeepTheirContent() throws {
        try store.load([networkingDeck()])
        let card = try #require(try store.card(id: "net/ports/ssh/service"))
        #expect(card.front == "What listens on port 22?")
        #expect(card.answers == ["ssh"])
        #expect(card.deck == "net")
        #expect(card.module == "Networking")
        #expect(card.noteKey == "net/ports/ssh")
        #expect(card.mode == .typed)
        #expect(card.memory == .new)
        #expect(card.progress == .new)
    }

    @Test func reloadingTheSameDeckChangesNothing() throws {
        try store.load([networkingDeck()])
        try store.answer("net/ports/ssh/port", 4, on: day1)
        let before = try store.cards(includeRetired: true)

        let report = try #require(try store.load([networkingDeck()], today: day1.adding(days: 1)).first)

        #expect(report.added.isEmpty && report.changed.isEmpty && report.retired.isEmpty)
        #expect(report.unchanged == allIds.count)
        #expect(try store.cards(includeRetired: true) == before)
    }

    @Test func aRewordedDeckKeepsProgress() throws {
        try store.load([networkingDeck()])
        try store.answer("net/ports/ssh/port", 5, on: day1)
        try store.answer("net/dns-phonebook", 3, on: day1)
        let sshBefore = try store.state("net/ports/ssh/port")
        let phonebookBefore = try store.state("net/dns-phonebook")

        let reworded = networkingDeck(rows: ["| ssh | 2222 |", "| dns | 53 |", "| http | 80 |"],
                                      portQuestion: "On which port is {Service} found?",
                                      phonebook: "Q: In the mental model, DNS is the …? {#dns-phonebook}\nA: the phonebook | phonebook")
        let report = try #require(try store.load([reworded]).first)

        #expect(report.added.isEmpty && report.retired.isEmpty)
        #expect(Set(report.changed) == ["net/ports/ssh/port", "net/ports/dns/port", "net/ports/http/port",
                                        "net/ports/ssh/service", "net/dns-phonebook"])
        #expect(try store.state("net/ports/ssh/port") == sshBefore)
        #expect(try store.state("net/dns-phonebook") == phonebookBefore)
        let ssh = try #require(try store.card(id: "net/ports/ssh/port"))
        #expect(ssh.front == "On which port is ssh found?")
        #expect(ssh.answers == ["2222"])
    }

    @Test func aCardDroppedFromTheDeckIsRetiredWithItsHistory() throws {
        try store.load([networkingDeck()])
        try store.answer("net/ports/http/port", 4, on: day1)

        let withoutHttp = networkingDeck(rows: ["| ssh | 22 |", "| dns | 53 |"])
        let report = try #require(try store.load([withoutHttp], today: day1).first)

        #expect(report.retired == ["net/ports/http/port", "net/ports/http/service"])
        #expect(report.added.isEmpty && report.changed.isEmpty)
        #expect(!(try store.cards().map(\.id)).contains("net/ports/http/port"))
        let retired = try #require(try store.cards(includeRetired: true).first { $0.id == "net/ports/http/port" })
        #expect(retired.retired)
        #expect(retired.memory.sm2.interval == 1, "a retired card keeps its progress")
        #expect(try store.currentStreak(today: day1) == 1, "the answer to the retired card still counts")
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func retiringACardKeepsItsReviewLogRows() throws {
        try store.load([networkingDeck()])
        try store.answer("net/ports/http/port", 4, on: day1)
        try store.load([networkingDeck(rows: ["| ssh | 22 |", "| dns | 53 |"])])
        let rows = try SQLiteShell.run(store.path, "SELECT card_id, grade FROM review_log")
        #expect(rows == [["net/ports/http/port", "4"]])
    }

    @Test func aRetiredCardIsNotQueued() throws {
        try store.load([networkingDeck()])
        try store.load([networkingDeck(rows: ["| ssh | 22 |", "| dns | 53 |"])])
        let inputs = try store.queueInputs(today: day1, decks: [], newLimit: 100)
        #expect(!inputs.new.contains { $0.id.hasPrefix("net/ports/http/") })
    }

    @Test func aRetiredCardThatReturnsToTheDeckComesBackWithItsProgress() throws {
        try store.load([networkingDeck()])
        try store.answer("net/ports/http/port", 5, on: day1)
        try store.load([networkingDeck(rows: ["| ssh | 22 |", "| dns | 53 |"])])
        try store.load([networkingDeck()])
        let card = try #require(try store.card(id: "net/ports/http/port"))
        #expect(!card.retired)
        #expect(card.memory.sm2.interval == 1)
        #expect(try store.cards().map(\.id) == allIds)
    }

    @Test func aDryRunReportsButChangesNothing() throws {
        let report = try #require(try store.load([networkingDeck()], dryRun: true).first)
        #expect(report.added == allIds)
        #expect(try store.cards(includeRetired: true).isEmpty)
        #expect(try store.deckSummaries(today: day1).isEmpty)
        #expect(try store.moduleMastery().isEmpty)
    }

    @Test func aDryRunOfARewordedDeckLeavesTheOldWording() throws {
        try store.load([networkingDeck()])
        let before = try store.cards(includeRetired: true)
        let report = try #require(try store.load([networkingDeck(rows: ["| ssh | 2222 |", "| dns | 53 |"])], dryRun: true).first)
        #expect(report.changed == ["net/ports/ssh/port", "net/ports/ssh/service"])
        #expect(report.retired == ["net/ports/http/port", "net/ports/http/service"])
        #expect(try store.cards(includeRetired: true) == before)
    }

    @Test func decksAreSummarisedWithTheirModule() throws {
        try store.load([networkingDeck(), cloudDeck])
        let summaries = try store.deckSummaries(today: day1)
        #expect(summaries.map(\.deck) == ["net", "cloud"])
        #expect(summaries.map(\.module) == ["Networking", "Cloud"])
        #expect(summaries.map(\.cards) == [7, 2])
        #expect(summaries.map(\.new) == [7, 2])
    }

    @Test func aSecondDeckIsLoadedBesideTheFirst() throws {
        try store.load([networkingDeck()])
        let report = try #require(try store.load([cloudDeck]).first)
        #expect(report.added == ["cloud/sg-stateful", "cloud/nacl-stateless"])
        #expect(try store.cards().count == 9)
        #expect(try store.cards(decks: ["cloud"]).map(\.id) == ["cloud/sg-stateful", "cloud/nacl-stateless"])
    }
}
