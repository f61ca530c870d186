import Foundation
import NetcardsCore
import NetcardsImport
import NetcardsStore
import Testing

/// --with-history carries each Anki card's schedule and review log (README: the "ssh port" card).
@Suite struct HistoryTests {
    @Test(arguments: ["legacy-history.apkg", "modern.apkg"])
    func sshCardKeepsItsProgress(_ name: String) throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let report = try harness.importFixtures(name, options: harness.options(withHistory: true))
        #expect(report.statesCarried == 1)
        #expect(report.reviewsAdded == 4)
        let ssh = try harness.card("networking-ports/guid-ssh")
        #expect(ssh.memory.sm2.interval == 12)
        #expect(ssh.memory.sm2.ease == 2.35)
        #expect(ssh.memory.sm2.lapses == 1)
        #expect(ssh.memory.sm2.due == StudyDay(year: 2026, month: 2, day: 3))
        #expect(ssh.memory.sm2.repetitions == 2)  // two passes in a row since the lapse
        #expect(ssh.progress == .young)
        #expect(ssh.lastReviewDay == StudyDay(year: 2026, month: 1, day: 22))

        let log = try harness.store.reviewLog()
        #expect(log.count == 4)
        #expect(log.allSatisfy { $0.cardId == "networking-ports/guid-ssh" && $0.kind == .review })
        #expect(log.map(\.grade) == [4, 1, 4, 4])
        #expect(log.map(\.durationMs) == [8000, 15000, 6000, 5000])
        #expect(log.map(\.answeredAt.timeIntervalSince1970) == [1767603600, 1768467600, 1768640400, 1769072400])
        #expect(log.map(\.day.iso) == ["2026-01-05", "2026-01-15", "2026-01-17", "2026-01-22"])
        #expect(log.map(\.intervalBefore) == [4, 10, 2, 5])
        #expect(log.map(\.intervalAfter) == [10, 2, 5, 12])
        #expect(log.map(\.easeAfter) == [2.55, 2.35, 2.35, 2.35])
        // The other cards stay new.
        #expect(try harness.store.cards().filter { $0.id != ssh.id }.allSatisfy { $0.memory == .new })
    }

    @Test func reimportingHistoryAddsNothing() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("modern.apkg", options: harness.options(withHistory: true))
        let before = try harness.snapshot()
        let again = try harness.importFixtures("modern.apkg", options: harness.options(withHistory: true))
        #expect(again.statesCarried == 0 && again.reviewsAdded == 0)
        #expect(again.decks.allSatisfy { $0.added.isEmpty && $0.changed.isEmpty && $0.retired.isEmpty })
        let after = try harness.snapshot()
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
    }

    @Test func progressMadeHereIsNotOverwritten() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("legacy-history.apkg", options: harness.options(withHistory: true))
        let day = StudyDay(year: 2026, month: 2, day: 3)
        try harness.store.recordAnswer(AnswerInput(cardId: "networking-ports/guid-ssh", grade: .good, kind: .review,
                                                   at: Date(timeIntervalSince1970: 1_770_109_200), today: day))
        let studied = try harness.card("networking-ports/guid-ssh")
        try harness.importFixtures("legacy-history.apkg", options: harness.options(withHistory: true))
        #expect(try harness.card("networking-ports/guid-ssh").memory == studied.memory)
        #expect(try harness.store.reviewLog().count == 5)
    }

    @Test func withoutHistoryInThePackageNothingIsCarried() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let report = try harness.importFixtures("legacy.apkg", options: harness.options(withHistory: true))
        #expect(report.statesCarried == 0 && report.reviewsAdded == 0)
        #expect(try harness.store.reviewLog().isEmpty)
    }

    @Test func dryRunWithHistoryWritesNothing() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let report = try harness.importFixtures("modern.apkg", options: harness.options(withHistory: true), dryRun: true)
        #expect(report.reviewsAdded == 4)
        #expect(report.decks.map(\.added.count) == [3, 2])
        #expect(try harness.store.cards().isEmpty)
        #expect(try harness.store.reviewLog().isEmpty)
    }
}
