import Testing
import NetcardsCore

/// A run's change per module: every module's figures after the run, taken back to before it through the
/// answered cards' earlier memory.
@Suite("Recall change of a review run")
struct ModuleRecallChangeTests {
    let today = StudyDay(number: 20_000)

    /// A card answered on `daysAgo` with stability `stability` (FSRS's recall is 0.9 when the two are equal).
    func memory(stability: Double, daysAgo: Int) -> CardMemory {
        let last = today.adding(days: -daysAgo)
        return CardMemory(sm2: CardState(repetitions: 1, interval: 1, due: last.adding(days: 1)),
                          fsrs: FSRSState(memory: .init(stability: stability, difficulty: 5), lastReview: last, due: last.adding(days: 3)),
                          firstReviewDay: last)
    }

    @Test func aNewCardAndAReviewedOneTakeTheModuleFrom90To97Percent() throws {
        // Ports now: a card untouched at R = 0.9 (t = S), a new card and a due card both just answered (R = 1).
        let answered = [
            ModuleRecallChange.AnsweredCard(module: "Ports", before: .new, now: memory(stability: 2.3, daysAgo: 0), suspended: false),
            ModuleRecallChange.AnsweredCard(module: "Ports", before: memory(stability: 5, daysAgo: 5), now: memory(stability: 12, daysAgo: 0), suspended: false),
        ]
        let now = [(module: "Internet", recall: EstimatedRecall(introduced: 4, estimated: 4, recallSum: 3.6)),
                   (module: "Ports", recall: EstimatedRecall(introduced: 3, estimated: 3, recallSum: 2.9))]
        let changes = ModuleRecallChange.of(answered, now: now, on: today, fsrs: FSRS())
        try #require(changes.count == 1, "Internet had no answer in the run")
        #expect(changes[0].module == "Ports")
        #expect(changes[0].before.introduced == 2)
        #expect(abs((changes[0].before.recall ?? 0) - 0.9) < 1e-9)
        #expect(changes[0].after.introduced == 3)
        #expect(abs((changes[0].after.recall ?? 0) - 2.9 / 3) < 1e-12)
    }

    @Test func aModuleWhoseOnlyCardsWereNewHadNoRecallBefore() {
        let answered = [ModuleRecallChange.AnsweredCard(module: "DNS", before: .new, now: memory(stability: 2.3, daysAgo: 0), suspended: false)]
        let changes = ModuleRecallChange.of(answered, now: [(module: "DNS", recall: EstimatedRecall(introduced: 1, estimated: 1, recallSum: 1))],
                                            on: today, fsrs: FSRS())
        #expect(changes.map(\.before) == [EstimatedRecall()])
        #expect(changes.first?.before.recall == nil)
        #expect(changes.first?.after.recall == 1)
    }

    @Test func aSuspendedCardCountsNeitherBeforeNorAfter() {
        var recall = EstimatedRecall()
        recall.count(memory(stability: 5, daysAgo: 5), suspended: true, on: today, fsrs: FSRS())
        #expect(recall == EstimatedRecall())
        recall.count(memory(stability: 5, daysAgo: 5), suspended: false, on: today, fsrs: FSRS())
        #expect(recall.introduced == 1 && recall.estimated == 1)
        #expect(abs((recall.recall ?? 0) - 0.9) < 1e-12, "R(S) = 0.9 by FSRS's definition of stability")
    }
}
