import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// A card is mastered once its interval reaches 21 days; each module counts its own.
@Suite("Mastery per module")
final class MasteryTests {
    let folder: TemporaryFolder
    let store: NetcardsStore
    let ssh = "net/ports/ssh/port"

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load([networkingDeck(), cloudDeck])
    }

    /// Mastered and total cards by module name.
    func mastery() throws -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: try store.moduleMastery().map { ($0.module, [$0.mastered, $0.total]) })
    }

    /// Answers 5 each time the card comes up: intervals 1, 6, 17, 50. Returns the last receipt.
    @discardableResult
    func answerFiveUntil(interval: Int, _ cardId: String) throws -> AnswerReceipt {
        var today = day1
        while true {
            let receipt = try store.answer(cardId, 5, on: today)
            if receipt.after.sm2.interval >= interval { return receipt }
            today = receipt.due!
        }
    }

    @Test func aNewDeckHasNothingMastered() throws {
        let modules = try mastery()
        #expect(modules["Networking"] == [0, 7])
        #expect(modules["Cloud"] == [0, 2])
    }

    @Test func anIntervalUnder21DaysIsNotMastered() throws {
        let last = try answerFiveUntil(interval: 17, ssh)
        #expect(last.after.sm2.interval == 17)
        #expect(try mastery()["Networking"]?.first == 0)
    }

    @Test func anIntervalOf21DaysOrMoreIsMasteredInItsModuleOnly() throws {
        let last = try answerFiveUntil(interval: 21, ssh)
        #expect(last.after.sm2.interval == 50)
        #expect(try mastery()["Networking"]?.first == 1)
        #expect(try mastery()["Cloud"]?.first == 0)
    }

    @Test func aLapseOfAMasteredCardTakesItsMasteryAway() throws {
        let last = try answerFiveUntil(interval: 21, ssh)
        try store.answer(ssh, 1, on: last.due!)
        #expect(try mastery()["Networking"]?.first == 0)
    }

    @Test func undoingTheAnswerThatMasteredACardTakesItBack() throws {
        let last = try answerFiveUntil(interval: 21, ssh)
        try store.undoAnswer(logId: last.logId, today: day1.adding(days: 7))
        #expect(try mastery()["Networking"]?.first == 0)
    }

    @Test func reloadingTheDeckKeepsTheCount() throws {
        try answerFiveUntil(interval: 21, ssh)
        try answerFiveUntil(interval: 21, "net/dns-phonebook")
        try store.load([networkingDeck(), cloudDeck], today: day1.adding(days: 90))
        #expect(try mastery()["Networking"] == [2, 7])
    }

    @Test func retiringAMasteredCardTakesItOutOfTheCount() throws {
        try answerFiveUntil(interval: 21, "net/ports/http/port")
        try store.load([networkingDeck(rows: ["| ssh | 22 |", "| dns | 53 |"])])
        #expect(try mastery()["Networking"] == [0, 5])
    }
}
