import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// Both schedulers learn from every answer; switching only changes which one sets the due days.
@Suite("Two schedulers in the store")
final class SchedulerSwitchTests {
    let folder: TemporaryFolder
    let path: String
    let store: NetcardsStore
    let ssh = "net/ports/ssh/port"
    let dns = "net/ports/dns/port"
    /// (card, grade, day offset): a same-day lapse, an early, a late and a hard answer.
    let answers = [("net/ports/ssh/port", 4, 0), ("net/ports/ssh/port", 1, 0), ("net/ports/ssh/port", 4, 3),
                   ("net/ports/dns/port", 5, 0), ("net/ports/ssh/port", 3, 10), ("net/ports/dns/port", 4, 40)]

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path("netcards.sqlite")
        store = try NetcardsStore(path: path)
        try store.load([networkingDeck()])
    }

    func answerAll() throws {
        for (card, grade, offset) in answers { try store.answer(card, grade, on: day1.adding(days: offset)) }
    }

    /// What each scheduler alone makes of a card's answers, from Core.
    func expected(_ card: String) -> (sm2: CardState, fsrs: FSRSState) {
        var sm2 = CardState.new
        var fsrs = FSRSState.new
        for (id, grade, offset) in answers where id == card {
            sm2 = SM2.schedule(sm2, grade: Grade(grade)!, today: day1.adding(days: offset))
            fsrs = FSRS().schedule(fsrs, grade: Grade(grade)!, today: day1.adding(days: offset))
        }
        return (sm2, fsrs)
    }

    @Test func everyAnswerMovesBothSchedulersAndSM2SetsTheDueDayByDefault() throws {
        try answerAll()
        for id in [ssh, dns] {
            let card = try #require(try store.card(id: id))
            #expect(card.memory.sm2 == expected(id).sm2)
            #expect(card.memory.fsrs == expected(id).fsrs)
            #expect(card.due == expected(id).sm2.due)
        }
    }

    @Test func switchingToFSRSAndBackChangesNoAnswerAndNoSM2State() throws {
        try answerAll()
        let log = try store.reviewLog()
        let cards = try store.cards()
        try store.setScheduler(.fsrs, today: day1.adding(days: 41))
        let underFSRS = try #require(try store.card(id: ssh))
        #expect(underFSRS.due == expected(ssh).fsrs.due)
        #expect(underFSRS.due != expected(ssh).sm2.due, "the example only shows something if the two due days differ")
        try store.setScheduler(.sm2, today: day1.adding(days: 41))
        #expect(try store.reviewLog() == log)
        #expect(try store.cards().map(\.memory) == cards.map(\.memory))
        #expect(try store.cards().map(\.due) == cards.map(\.due))
    }

    @Test func underFSRSAnAnswerIsDueWhenFSRSSaysAndUndoRestoresBoth() throws {
        try store.setScheduler(.fsrs, today: day1)
        let first = try store.answer(ssh, 4, on: day1)
        // S0(Good) = w2 = 2.3065 days; at 90% desired retention the interval is S rounded: 2 days.
        #expect(first.due == day1.adding(days: 2))
        let second = try store.answer(ssh, 4, on: day1.adding(days: 2))
        try store.undoAnswer(logId: second.logId, today: day1.adding(days: 2))
        let card = try #require(try store.card(id: ssh))
        #expect(card.memory == first.after)
        #expect(card.due == day1.adding(days: 2))
    }

    @Test func aStoreFromBeforeFSRSGetsItsMemoryByReplayingTheLog() throws {
        try answerAll()
        let log = try store.reviewLog()
        // Forge the store as the version before FSRS left it: the same tables without FSRS's columns.
        let added = ["card.sm2_due", "card.fsrs_stability", "card.fsrs_difficulty", "card.fsrs_due",
                     "review_log.sm2_due_before", "review_log.fsrs_stability_before", "review_log.fsrs_difficulty_before",
                     "review_log.fsrs_due_before"]
        try SQLiteShell.run(path, "DROP INDEX card_memory;" + added.map { column in
            let parts = column.split(separator: ".")
            return "ALTER TABLE \(parts[0]) DROP COLUMN \(parts[1]);"
        }.joined() + "DROP INDEX card_by_table; DELETE FROM grdb_migrations WHERE identifier IN ('fsrs-memory', 'index-cards-by-table', 'index-card-memory');")
        let migrated = try NetcardsStore(path: path)
        // Left applied: v1, learner-accepted-answers, labs and netcards-application-id, so the copy before
        // migrating is .bak-v4.
        #expect(FileManager.default.fileExists(atPath: path + ".bak-v4"))
        for id in [ssh, dns] {
            let card = try #require(try migrated.card(id: id))
            #expect(card.memory.fsrs == expected(id).fsrs)
            #expect(card.memory.sm2 == expected(id).sm2)
        }
        #expect(try migrated.reviewLog() == log)
        // The log now holds FSRS's state before each answer: undoing the last one of dns goes back to its first.
        let lastDNS = try #require(try SQLiteShell.run(path, "SELECT max(id) FROM review_log WHERE card_id = '\(dns)'").first?.first.flatMap { Int64($0) })
        try migrated.undoAnswer(logId: lastDNS, today: day1.adding(days: 40))
        #expect(try migrated.card(id: dns)?.memory.fsrs == FSRS().schedule(.new, grade: .easy, today: day1))
    }
}
