import Foundation
import NetcardsCore
import NetcardsImport
import NetcardsStore
import Testing

/// Anki packages with values Anki never writes (Tests/Fixtures/import/README.md, "Hostile packages"): each is
/// refused with the note named, or imported with its numbers clamped — never a crash, never a card moved back.
@Suite struct HostileAnkiTests {
    static let ssh = "networking-ports/guid-ssh"

    private func problems(_ name: String, withHistory: Bool, in harness: ImportHarness) throws -> [ImportProblem] {
        let error = try #require(throws: ImportError.self) {
            try harness.importFixtures(name, options: harness.options(withHistory: withHistory))
        }
        return error.problems
    }

    private func leftovers(in harness: ImportHarness) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: harness.folder.path).filter { $0.hasPrefix("netcards-import-") }
    }

    @Test func nullAndWrongTypedValuesNameTheirNote() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let found = try problems("bad-values.apkg", withHistory: false, in: harness)
        #expect(found.map(\.location) == [.note(1_767_225_600_000), .note(1_767_225_600_002)])
        #expect(found[0].message.contains("`flds` is NULL, not text"), "\(found[0])")
        #expect(found[1].message.contains("`guid` is the number 42, not text"), "\(found[1])")
        #expect(found.allSatisfy { $0.file == ImportHarness.fixture("bad-values.apkg") })
        #expect(try harness.store.cards().isEmpty)
        #expect(try leftovers(in: harness).isEmpty, "the unpacked collection is removed")
    }

    @Test func withHistoryTheScheduleColumnsAreCheckedToo() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let found = try problems("bad-values.apkg", withHistory: true, in: harness)
        #expect(found.map(\.location) == [.note(1_767_225_600_000), .note(1_767_225_600_000), .note(1_767_225_600_002),
                                          .note(1_767_225_600_004), .note(1_767_225_600_006)])
        let messages = found.map(\.message)
        #expect(messages[0].contains("`flds` is NULL"))
        #expect(messages[1].contains("a review of its card 1767225600001: `time` is NULL, not a whole number"), "\(messages[1])")
        #expect(messages[3].contains("its card 1767225600005: `ivl` is the text \"abc\", not a whole number"), "\(messages[3])")
        #expect(messages[4].contains("its card 1767225600007: `due` is the number 1.5, not a whole number"), "\(messages[4])")
        #expect(try leftovers(in: harness).isEmpty)
    }

    @Test func hugeNumbersAreClampedAndTheCardCanStillBeReviewed() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let report = try harness.importFixtures("huge-schedule.apkg", options: harness.options(withHistory: true))
        #expect(report.statesCarried == 1 && report.reviewsAdded == 4)
        let ssh = try harness.card(Self.ssh)
        #expect(ssh.memory.sm2.interval == 36_500)
        #expect(ssh.memory.sm2.ease == 10)
        #expect(ssh.memory.sm2.lapses == 100_000)
        #expect(ssh.memory.sm2.due?.iso == "2126-01-08", "today (2026-02-01) + 36,500 days, not 2^62 days after 2014")
        let log = try harness.store.reviewLog()
        #expect(log.map(\.durationMs) == [8000, 15000, 6000, 3_600_000])
        #expect(log.last?.intervalAfter == 36_500)
        #expect(log.last?.intervalBefore == 36_500)
        #expect(log.last?.easeAfter == 10)

        // The next grade used to trap (Double → Int overflow); now it keeps to the cap.
        let receipt = try harness.store.recordAnswer(AnswerInput(cardId: Self.ssh, grade: .good, kind: .review,
                                                                 at: ImportHarness.now, today: ImportHarness.today))
        #expect(receipt.after.sm2.interval == 36_500)
        #expect(receipt.after.sm2.due?.iso == "2126-01-08")
        // The day of the 2^62 ms answer time adds up: one answer of an hour.
        let day = try harness.store.stats(today: StudyDay(year: 2026, month: 1, day: 22), newLimit: 20).todayFigures
        #expect(day.answered == 1 && day.durationMs == 3_600_000)
    }

    @Test func aReviewDatedInTheFutureIsRefusedAndTheCardStaysWhereItIs() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("legacy-history.apkg", options: harness.options(withHistory: true))
        let answerDay = StudyDay(year: 2026, month: 2, day: 3)
        try harness.store.recordAnswer(AnswerInput(cardId: Self.ssh, grade: .good, kind: .review,
                                                   at: Date(timeIntervalSince1970: 1_770_109_200), today: answerDay))
        let before = try harness.snapshot()
        let later = Date(timeIntervalSince1970: 1_770_120_000)  // 2026-02-03 12:00 UTC
        for _ in 1...2 {
            let error = try #require(throws: ImportError.self) {
                try harness.importFixtures("future-history.apkg", options: harness.options(withHistory: true, now: later))
            }
            #expect(error.problems.map(\.location) == [.note(1_767_225_600_000)])
            #expect(error.problems[0].message.contains("not between 2006 and today"), "\(error)")
            let after = try harness.snapshot()
            #expect(after.0 == before.0 && after.1 == before.1)
        }
    }

    /// The learner answers here on 2026-02-03; the package was answered after that in Anki (a lapse on 02-10, a
    /// pass on 02-11) but its card row is stale, due 2024-06-01, and it lists the last answer twice.
    @Test func aNewerLogWinsOnceAndNeverMovesTheCardBack() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("legacy-history.apkg", options: harness.options(withHistory: true))
        try harness.store.recordAnswer(AnswerInput(cardId: Self.ssh, grade: .good, kind: .review,
                                                   at: Date(timeIntervalSince1970: 1_770_109_200),
                                                   today: StudyDay(year: 2026, month: 2, day: 3)))
        let studied = try harness.card(Self.ssh)
        #expect(studied.memory.sm2.repetitions == 3 && studied.memory.sm2.interval == 29 && studied.memory.sm2.due?.iso == "2026-03-04")

        let afterAnki = harness.options(withHistory: true, now: Date(timeIntervalSince1970: 1_770_897_600))  // 02-12 12:00
        let first = try harness.importFixtures("later-history.apkg", options: afterAnki)
        #expect(first.statesCarried == 1 && first.reviewsAdded == 2)
        let carried = try harness.card(Self.ssh)
        #expect(carried.memory.sm2.repetitions == 1)
        #expect(carried.memory.sm2.interval == 1)
        #expect(carried.memory.sm2.ease == 2.15)
        #expect(carried.memory.sm2.lapses == 2)
        #expect(carried.memory.sm2.due?.iso == "2026-02-11", "not before its last answer (the stale row says 2024-06-01)")
        #expect(carried.lastReviewDay?.iso == "2026-02-11")
        #expect(try harness.store.reviewLog().count == 7, "4 from the first import, 1 answer here, 2 new ones once each")

        for _ in 1...2 {
            let before = try harness.snapshot()
            let again = try harness.importFixtures("later-history.apkg", options: afterAnki)
            #expect(again.statesCarried == 0 && again.reviewsAdded == 0)
            let after = try harness.snapshot()
            #expect(after.0 == before.0 && after.1 == before.1)
        }

        // An answer here after the package's last one: re-importing keeps it.
        try harness.store.recordAnswer(AnswerInput(cardId: Self.ssh, grade: .easy, kind: .review,
                                                   at: Date(timeIntervalSince1970: 1_770_886_800),
                                                   today: StudyDay(year: 2026, month: 2, day: 12)))
        let mine = try harness.card(Self.ssh)
        try harness.importFixtures("later-history.apkg", options: afterAnki)
        #expect(try harness.card(Self.ssh).memory == mine.memory)
        #expect(try harness.store.reviewLog().count == 8)
    }
}
