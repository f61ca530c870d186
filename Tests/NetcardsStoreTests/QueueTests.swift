import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// Today's queue as the review command builds it: the store's inputs through ReviewQueue.build.
@Suite("Today's queue from the store")
final class QueueTests {
    let folder: TemporaryFolder
    let store: NetcardsStore

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load([networkingDeck(), cloudDeck])
    }

    func queue(on day: StudyDay, decks: [String] = [], newLimit: Int = 20) throws -> [String] {
        ReviewQueue.build(try store.queueInputs(today: day, decks: decks, newLimit: newLimit), today: day)
    }

    @Test func aNewStoreQueuesNewCardsInDeckOrderOneCardPerRow() throws {
        let order = try queue(on: day1, newLimit: 4)
        #expect(Set(order) == ["net/ports/ssh/port", "net/ports/dns/port", "net/ports/http/port", "net/dns-phonebook"])
        #expect(order.first == "net/ports/ssh/port")
        #expect(order[1] == "net/dns-phonebook", "the free card goes between the table's cards")
    }

    @Test func dueCardsComeBeforeNewCardsMostOverdueFirst() throws {
        try store.answer("net/dns-phonebook", 4, on: day1)              // due day1 + 1
        try store.answer("cloud/sg-stateful", 4, on: day1.adding(days: 1)) // due day1 + 2
        let day3 = day1.adding(days: 3)
        let order = try queue(on: day3, newLimit: 2)
        #expect(Set(order) == ["net/dns-phonebook", "cloud/sg-stateful", "net/ports/ssh/port", "net/ports/dns/port"])
        #expect(order.first == "net/dns-phonebook", "the most overdue card first")
        #expect(order.firstIndex(of: "net/ports/ssh/port")! < order.firstIndex(of: "cloud/sg-stateful")!,
                "new cards spread among the due ones, not after them")
    }

    @Test func cardsNotYetDueAreNotQueued() throws {
        try store.answer("net/dns-phonebook", 5, on: day1)
        #expect(!(try queue(on: day1)).contains("net/dns-phonebook"))
        #expect(try queue(on: day1.adding(days: 1)).contains("net/dns-phonebook"))
    }

    @Test func aLapsedCardComesBackLaterTheSameDay() throws {
        try store.answer("net/ports/ssh/port", 1, on: day1)
        let order = try queue(on: day1, newLimit: 20)
        #expect(order.contains("net/ports/ssh/port"))
        #expect(!order.contains("net/ports/ssh/service"), "its sibling waits for another day")
    }

    @Test func theDeckFilterQueuesOnlyThatDecksCards() throws {
        try store.answer("net/dns-phonebook", 4, on: day1)
        let order = try queue(on: day1.adding(days: 1), decks: ["cloud"])
        #expect(order == ["cloud/sg-stateful", "cloud/nacl-stateless"])
    }

    @Test func anUnknownDeckQueuesNothing() throws {
        let order = try queue(on: day1, decks: ["nope"])
        #expect(order.isEmpty)
    }

    @Test func theNewLimitCountsCardsAlreadyStartedToday() throws {
        try store.answer("net/ports/ssh/port", 4, on: day1)
        try store.answer("cloud/sg-stateful", 4, on: day1)
        let inputs = try store.queueInputs(today: day1, decks: [], newLimit: 3)
        #expect(inputs.newRoom == 1)
        let order = ReviewQueue.build(inputs, today: day1)
        #expect(order == ["net/ports/dns/port"])
    }

    @Test func theLargestNewLimitQueuesEveryNewCard() throws {
        try store.answer("net/ports/ssh/port", 4, on: day1)
        let inputs = try store.queueInputs(today: day1, decks: [], newLimit: .max)
        #expect(inputs.newRoom == Int.max - 1)
        // Every new card but the siblings of ssh (studied today) and one of each other row.
        #expect(Set(ReviewQueue.build(inputs, today: day1)) == ["net/ports/dns/port", "net/ports/http/port", "net/dns-phonebook",
                                                              "cloud/sg-stateful", "cloud/nacl-stateless"])
    }

    @Test func cardsStartedTodayInOtherDecksCountTowardTheLimit() throws {
        try store.answer("net/ports/ssh/port", 4, on: day1)
        try store.answer("net/ports/dns/port", 4, on: day1)
        #expect(try queue(on: day1, decks: ["cloud"], newLimit: 3) == ["cloud/sg-stateful"])
    }

    @Test func theLimitIsPerDay() throws {
        try store.answer("net/ports/ssh/port", 4, on: day1)
        try store.answer("net/ports/dns/port", 4, on: day1)
        let nextDay = day1.adding(days: 1)
        let inputs = try store.queueInputs(today: nextDay, decks: [], newLimit: 2)
        #expect(inputs.newRoom == 2)
    }

    @Test func aSiblingOfACardStudiedTodayWaitsWhenOthersCanFill() throws {
        try store.answer("net/ports/ssh/port", 4, on: day1)
        let order = try queue(on: day1, newLimit: 3)
        #expect(!order.contains("net/ports/ssh/service"))
        #expect(order == ["net/ports/dns/port", "net/ports/http/port"])
    }

    @Test func suspendedCardsAreNotQueued() throws {
        try store.setSuspended(true, cardId: "net/ports/ssh/port", today: day1)
        #expect(!(try queue(on: day1, newLimit: 100)).contains("net/ports/ssh/port"))
    }

    @Test func theSameStoreGivesTheSameQueue() throws {
        try store.answer("net/ports/ssh/port", 1, on: day1)
        try store.answer("cloud/sg-stateful", 3, on: day1)
        #expect(try queue(on: day1) == queue(on: day1))
    }
}
