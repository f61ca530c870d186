import Testing
import NetcardsCore

@Suite("Review queue")
struct ReviewQueueTests {
    let today = StudyDay(year: 2026, month: 5, day: 20)

    func due(_ id: String, note: String? = nil, daysOverdue: Int, lastReviewedDaysAgo: Int = 10) -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(id: id, noteKey: note ?? id, due: today.adding(days: -daysOverdue),
                              lastReviewDay: today.adding(days: -lastReviewedDaysAgo))
    }

    /// A card answered earlier today that must come back today (a lapse or a grade-3 pass).
    func repeatToday(_ id: String, note: String? = nil) -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(id: id, noteKey: note ?? id, due: today, lastReviewDay: today)
    }

    func new(_ id: String, note: String? = nil) -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(id: id, noteKey: note ?? id)
    }

    func build(due: [ReviewQueue.Candidate] = [], new: [ReviewQueue.Candidate] = [], newRoom: Int = 20,
               studiedToday: Set<String> = []) -> [String] {
        ReviewQueue.build(.init(due: due, new: new, newRoom: newRoom, notesStudiedToday: studiedToday), today: today)
    }

    @Test func dueCardsComeFirstThenTodaysRepeatsThenNewCards() {
        let order = build(due: [due("overdue", daysOverdue: 3), repeatToday("again"), due("today", daysOverdue: 0)],
                          new: [new("fresh")])
        #expect(order == ["overdue", "today", "again", "fresh"])
    }

    @Test func theMostOverdueCardComesFirst() {
        // Inputs arrive ordered by due day (as the store's queueInputs gives them).
        let order = build(due: [due("five-days", daysOverdue: 5), due("two-days", daysOverdue: 2), due("today", daysOverdue: 0)])
        #expect(order == ["five-days", "two-days", "today"])
    }

    @Test func newCardsAreLimitedByTheRoomLeftTodayInDeckOrder() {
        let order = build(new: ["a", "b", "c", "d", "e"].map { new($0) }, newRoom: 3)
        #expect(order == ["a", "b", "c"])
    }

    @Test func noRoomMeansNoNewCards() {
        let order = build(due: [due("review", daysOverdue: 1)], new: [new("a"), new("b")], newRoom: 0)
        #expect(order == ["review"])
    }

    @Test func dueCardsAreNotLimitedByTheNewRoom() {
        let dueCards = (0..<30).map { due("due-\($0)", daysOverdue: 1) }
        #expect(build(due: dueCards, newRoom: 0).count == 30)
    }

    @Test func aNewSiblingOfANoteStudiedTodayIsSkippedWhenOtherCardsCanFill() {
        let order = build(new: [new("row1/port", note: "row1"), new("row2/port", note: "row2"), new("row3/port", note: "row3")],
                          newRoom: 2, studiedToday: ["row1"])
        #expect(order == ["row2/port", "row3/port"])
    }

    @Test func twoNewSiblingsAreNotShownTheSameDayWhenAvoidable() {
        let order = build(new: [new("ssh/port", note: "ssh"), new("ssh/service", note: "ssh"), new("dns/port", note: "dns")],
                          newRoom: 2)
        #expect(order == ["ssh/port", "dns/port"])
    }

    @Test func aNewSiblingOfADueCardWaitsWhenOtherCardsCanFill() {
        let order = build(due: [due("ssh/port", note: "ssh", daysOverdue: 1)],
                          new: [new("ssh/service", note: "ssh"), new("dns/port", note: "dns")], newRoom: 1)
        #expect(order == ["ssh/port", "dns/port"])
    }

    @Test func siblingsFillTheNewRoomWhenNothingElseCan() {
        let order = build(new: [new("ssh/port", note: "ssh"), new("ssh/service", note: "ssh")], newRoom: 2)
        #expect(order == ["ssh/port", "ssh/service"])
    }

    @Test func skippedSiblingsFillOnlyTheRoomLeft() {
        let order = build(new: [new("a/1", note: "a"), new("a/2", note: "a"), new("a/3", note: "a"), new("b/1", note: "b")],
                          newRoom: 3)
        #expect(order == ["a/1", "b/1", "a/2"])
    }

    @Test func dueSiblingsAreAllShownButAfterTheOthers() {
        let order = build(due: [due("ssh/port", note: "ssh", daysOverdue: 2), due("ssh/service", note: "ssh", daysOverdue: 1),
                                due("dns/port", note: "dns", daysOverdue: 1)],
                          new: [new("http/port", note: "http")], newRoom: 1)
        #expect(order == ["ssh/port", "dns/port", "http/port", "ssh/service"])
    }

    @Test func everyCardAppearsAtMostOnce() {
        let order = build(due: [due("d1", note: "n", daysOverdue: 1), repeatToday("r1", note: "n")],
                          new: [new("n1", note: "n"), new("n2", note: "m")], newRoom: 5, studiedToday: ["n"])
        #expect(Set(order).count == order.count)
        #expect(Set(order) == ["d1", "r1", "n1", "n2"])
    }

    @Test func theSameInputsAlwaysGiveTheSameOrder() {
        var generator = SeededGenerator(seed: 42)
        let notes = ["ssh", "dns", "http", "redis", "etcd"]
        let dueCards = (0..<12).map { index in
            due("due-\(index)", note: notes.randomElement(using: &generator)!, daysOverdue: 12 - index)
        }
        let newCards = (0..<15).map { index in new("new-\(index)", note: notes.randomElement(using: &generator)!) }
        let first = build(due: dueCards, new: newCards, newRoom: 6, studiedToday: ["dns"])
        for _ in 0..<20 {
            #expect(build(due: dueCards, new: newCards, newRoom: 6, studiedToday: ["dns"]) == first)
        }
    }
}
