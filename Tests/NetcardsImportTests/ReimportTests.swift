import Foundation
import NetcardsCore
import NetcardsImport
import NetcardsStore
import Testing

/// Re-importing adds nothing; an edited file changes its cards in place and keeps their SM-2 state.
@Suite struct ReimportTests {
    @Test(arguments: ["cards.csv", "cards.tsv", "notes.txt", "notes-full.txt", "legacy.apkg", "modern.apkg"])
    func reimportAddsNothing(_ name: String) throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures(name)
        let before = try harness.snapshot()
        let report = try harness.importFixtures(name)
        #expect(report.decks.allSatisfy { $0.added.isEmpty && $0.changed.isEmpty && $0.retired.isEmpty })
        #expect(report.decks.map(\.unchanged).reduce(0, +) == before.0.count)
        let after = try harness.snapshot()
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
    }

    @Test func editedCSVChangesTheCardInPlaceAndKeepsItsState() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("edit.csv", "front,back,tags\nssh port,22,ports\nhttps port,443,ports\n")
        try harness.importFiles([path])
        let id = try harness.cards("edit")[0].id
        for grade in [Grade.good, .good] {
            try harness.store.recordAnswer(AnswerInput(cardId: id, grade: grade, kind: .review,
                                                       at: Date(timeIntervalSince1970: 1_769_936_400), today: ImportHarness.today))
        }
        let studied = try harness.card(id)
        #expect(studied.memory.sm2.repetitions == 2)

        _ = try harness.write("edit.csv", "front,back,tags\nssh port,TCP 22,ports ssh\nhttps port,443,ports\n")
        let dry = try harness.importFiles([path], dryRun: true)
        #expect(dry.decks[0].changed == [id] && dry.decks[0].added.isEmpty)
        #expect(try harness.card(id).back == "22")

        let report = try harness.importFiles([path])
        #expect(report.decks[0].changed == [id])
        #expect(report.decks[0].added.isEmpty && report.decks[0].retired.isEmpty)
        let edited = try harness.card(id)
        #expect(edited.back == "TCP 22")
        #expect(edited.answers == ["TCP 22"])
        #expect(edited.tags == ["ports", "ssh"])
        #expect(edited.memory == studied.memory)
        #expect(edited.lastReviewDay == studied.lastReviewDay)
        #expect(try harness.store.reviewLog().count == 2)
    }

    @Test func aRowRemovedFromTheFileIsRetiredWithItsHistory() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("gone.csv", "front,back\nssh port,22\nhttps port,443\n")
        try harness.importFiles([path])
        let id = try harness.cards("gone")[1].id
        try harness.store.recordAnswer(AnswerInput(cardId: id, grade: .good, kind: .review,
                                                   at: Date(timeIntervalSince1970: 1_769_936_400), today: ImportHarness.today))
        _ = try harness.write("gone.csv", "front,back\nssh port,22\n")
        let dry = try harness.importFiles([path], dryRun: true)
        #expect(dry.decks[0].retired == [id])
        try harness.importFiles([path])
        #expect(try harness.cards("gone").count == 1)
        #expect(try harness.card(id).retired)
        #expect(try harness.store.reviewLog().count == 1)
    }
}
