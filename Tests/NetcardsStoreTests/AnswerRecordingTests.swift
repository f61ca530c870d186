import Foundation
import Testing
import NetcardsCore
import NetcardsStore

@Suite("Recording and undoing answers")
final class AnswerRecordingTests {
    let folder: TemporaryFolder
    let store: NetcardsStore
    let ssh = "net/ports/ssh/port"

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load([networkingDeck()])
    }

    @Test func aReviewAnswerSavesTheSM2State() throws {
        let receipt = try store.answer(ssh, 4, on: day1)
        let expected = SM2.schedule(.new, grade: .good, today: day1)
        #expect(receipt.before == .new)
        #expect(receipt.after.sm2 == expected)
        let card = try #require(try store.card(id: ssh))
        #expect(card.memory.sm2 == expected)
        #expect(card.due == day1.adding(days: 1))
        #expect(card.lastReviewDay == day1)
    }

    @Test func answersOnLaterDaysFollowTheWorkedExample() throws {
        // 4, 4, 3, 5, 4 on the days the card comes up: intervals 1, 6, 15, 15, 36 and EF 2.36.
        var today = day1
        for grade in [4, 4, 3, 5, 4] {
            let after = try store.answer(ssh, grade, on: today).after
            if !after.sm2.repeatToday { today = after.sm2.due! }
        }
        let state = try store.state(ssh)
        #expect(state.interval == 36)
        #expect(state.ease == 2.36)
        #expect(state.due == day1.adding(days: 1 + 6 + 15 + 36))
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func theReviewLogRowHoldsTheAnswerAndTheStateBeforeAndAfter() throws {
        try store.answer(ssh, 5, on: day1)
        let receipt = try store.answer(ssh, 3, on: day1.adding(days: 1), typed: "23", verdict: "wrong", durationMs: 4200)
        let rows = try SQLiteShell.run(store.path, """
            SELECT card_id, day, kind, grade, answer, verdict, duration_ms, reps_before, ease_before, interval_before,
                   ease_after, interval_after FROM review_log WHERE id = \(receipt.logId)
            """)
        #expect(rows == [[ssh, String(day1.adding(days: 1).number), "review", "3", "23", "wrong", "4200",
                          "1", "2.6", "1", "2.46", "6"]])
    }

    @Test func undoRestoresExactlyThePreviousState() throws {
        try store.answer(ssh, 4, on: day1)
        try store.answer(ssh, 4, on: day1.adding(days: 1))
        let before = try #require(try store.card(id: ssh))

        let receipt = try store.answer(ssh, 3, on: day1.adding(days: 7))
        #expect(try store.state(ssh) != before.memory.sm2)
        try store.undoAnswer(logId: receipt.logId, today: day1.adding(days: 7))

        #expect(try store.card(id: ssh) == before)
    }

    @Test func undoingTheFirstAnswerMakesTheCardNewAgain() throws {
        let receipt = try store.answer(ssh, 1, on: day1)
        #expect(try store.newCardsStarted(on: day1) == 1)
        try store.undoAnswer(logId: receipt.logId, today: day1)
        let card = try #require(try store.card(id: ssh))
        #expect(card.memory == .new)
        #expect(card.lastReviewDay == nil)
        #expect(try store.newCardsStarted(on: day1) == 0)
        #expect(try store.currentStreak(today: day1) == 0)
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func undoRemovesTheLogRow() throws {
        let first = try store.answer(ssh, 4, on: day1)
        let second = try store.answer("net/ports/dns/port", 2, on: day1)
        try store.undoAnswer(logId: second.logId, today: day1)
        #expect(try SQLiteShell.run(store.path, "SELECT id FROM review_log") == [[String(first.logId)]])
    }

    @Test func undoingAnAnswerThatDoesNotExistIsNotFound() throws {
        expectStoreError(.notFound) { try store.undoAnswer(logId: 999, today: day1) }
    }

    @Test func answeringACardThatDoesNotExistIsNotFound() throws {
        expectStoreError(.notFound) {
            try store.recordAnswer(AnswerInput(cardId: "net/nope", grade: .good, kind: .review, at: Date(), today: day1))
        }
    }

    @Test func aQuizAnswerDoesNotMoveTheSchedule() throws {
        try store.answer(ssh, 5, on: day1)
        let before = try #require(try store.card(id: ssh))
        let receipt = try store.answer(ssh, 1, on: day1.adding(days: 1), kind: .quiz)
        #expect(receipt.after == receipt.before)
        #expect(try store.card(id: ssh) == before)
        #expect(try store.dueCount(onOrBefore: day1.adding(days: 1)) == 1, "still due as scheduled, not as a lapse")
    }

    @Test func aQuizAnswerOnANewCardLeavesItNew() throws {
        try store.answer(ssh, 5, on: day1, kind: .quiz)
        #expect(try store.state(ssh) == .new)
        #expect(try store.newCardsStarted(on: day1) == 0)
    }

    @Test func undoingAQuizAnswerLeavesTheScheduleAlone() throws {
        try store.answer(ssh, 4, on: day1)
        let before = try #require(try store.card(id: ssh))
        let quiz = try store.answer(ssh, 1, on: day1, kind: .quiz)
        try store.undoAnswer(logId: quiz.logId, today: day1)
        #expect(try store.card(id: ssh) == before)
    }

    @Test func suspendedCardsAreMarkedAndCanBeUnsuspended() throws {
        try store.setSuspended(true, cardId: ssh, today: day1)
        #expect(try store.card(id: ssh)?.progress == .suspended)
        try store.setSuspended(false, cardId: ssh, today: day1)
        #expect(try store.card(id: ssh)?.progress == .new)
        expectStoreError(.notFound) { try store.setSuspended(true, cardId: "net/nope", today: day1) }
    }
}
