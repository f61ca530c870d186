import Testing
import NetcardsCore

@Suite("Review run")
struct ReviewRunTests {
    let typedRight = GivenAnswer(typed: "5432", mode: .typed, answers: ["5432"])
    let typedWrong = GivenAnswer(typed: "5423", mode: .typed, answers: ["5432"])
    let typedBlank = GivenAnswer(typed: "  ", mode: .typed, answers: ["5432"])

    /// Reveals the current card with `given` and grades it; log ids count up from 1.
    private func answer(_ run: inout ReviewRun, _ given: GivenAnswer, grade: Int, ms: Int = 1000, again: Bool = false) {
        run.reveal(given)
        run.grade(Grade(grade)!, logId: Int64(run.actions.count + 1), durationMs: ms, comesBackToday: again)
    }

    // MARK: - Grades

    @Test func aTypedCardLeftBlankSuggestsAgain() {
        #expect(typedBlank.isBlank)
        #expect(typedBlank.check == nil)
        #expect(typedBlank.suggestedGrade.value == 1)
        #expect(!typedBlank.canBeAccepted, "nothing typed, nothing to accept")
    }

    @Test func aRevealCardSuggestsGoodAndKeepsWhatWasTyped() {
        let given = GivenAnswer(typed: " my guess ", mode: .reveal, answers: ["a long explanation"])
        #expect(given.suggestedGrade.value == 4)
        #expect(given.typed == "my guess")
        #expect(given.check == nil, "a reveal card is not checked")
        #expect(!given.canBeAccepted)
        #expect(GivenAnswer(typed: "", mode: .reveal, answers: ["x"]).suggestedGrade.value == 4)
    }

    @Test func aWrongAnswerCanBeAcceptedAndThenSuggestsGood() {
        #expect(typedWrong.suggestedGrade.value == 1)
        #expect(typedWrong.canBeAccepted)
        #expect(!typedRight.canBeAccepted, "a right answer needs no :accept")
        var run = ReviewRun(cardIds: ["a"])
        run.reveal(typedWrong)
        let accepted = run.accept(addedToStore: true)
        #expect(accepted)
        guard case .grading(_, let given, _) = run.step else { Issue.record("not at the grade prompt"); return }
        #expect(given.accepted)
        #expect(given.suggestedGrade.value == 4)
        #expect(given.loggedVerdict == "accepted")
        let acceptedTwice = run.accept(addedToStore: true)
        #expect(!acceptedTwice, "accepting twice does nothing")
    }

    // MARK: - Queue, repeats, skips

    @Test func cardsAreShownInQueueOrderAndTheRunEnds() {
        var run = ReviewRun(cardIds: ["a", "b"])
        #expect(run.step == .answering(cardId: "a"))
        answer(&run, typedRight, grade: 4)
        #expect(run.step == .answering(cardId: "b"))
        answer(&run, typedRight, grade: 4)
        #expect(run.step == .finished)
    }

    @Test func aCardTheSchedulerWantsAgainTodayComesBackAtTheEnd() {
        var run = ReviewRun(cardIds: ["a", "b", "c"])
        answer(&run, typedWrong, grade: 1, again: true)
        #expect(run.pending.map(\.cardId) == ["b", "c", "a"])
        answer(&run, typedRight, grade: 4)
        answer(&run, typedRight, grade: 4)
        #expect(run.counter! == (3, 3, true), "the repeat is card 3 of 3, again")
        answer(&run, typedRight, grade: 4)
        #expect(run.step == .finished)
        #expect(run.cardsReviewed == 3)
        #expect(run.answerCount == 4)
        #expect(run.correctCount == 3)
    }

    @Test func theCounterCountsCardsNotAnswers() {
        var run = ReviewRun(cardIds: ["a", "b"])
        #expect(run.counter! == (1, 2, false))
        answer(&run, typedWrong, grade: 1, again: true)
        #expect(run.counter! == (2, 2, false))
        answer(&run, typedWrong, grade: 1, again: true)
        #expect(run.counter! == (2, 2, true), "a again")
        answer(&run, typedWrong, grade: 1, again: true)
        #expect(run.counter! == (2, 2, true), "b again")
    }

    @Test func skipMovesTheCardToTheEndAndItComesBack() {
        var run = ReviewRun(cardIds: ["a", "b", "c"])
        run.reveal(typedWrong)
        let othersFirst = run.skip()
        #expect(othersFirst)
        #expect(run.step == .answering(cardId: "b"), "the skipped card's answer is forgotten")
        answer(&run, typedRight, grade: 4)
        answer(&run, typedRight, grade: 4)
        #expect(run.step == .answering(cardId: "a"))
        #expect(run.counter! == (3, 3, false), "a skipped card is not a repeat")
    }

    @Test func skippingTheLastCardShowsItAgain() {
        var run = ReviewRun(cardIds: ["a"])
        let othersFirst = run.skip()
        #expect(!othersFirst)
        #expect(run.step == .answering(cardId: "a"))
    }

    @Test func suspendRemovesEveryShowingOfTheCard() {
        var run = ReviewRun(cardIds: ["a", "b"])
        answer(&run, typedWrong, grade: 1, again: true)  // a comes back after b
        answer(&run, typedWrong, grade: 1, again: true)  // b comes back after a
        #expect(run.pending.map(\.cardId) == ["a", "b"])
        run.suspend()
        #expect(run.pending.map(\.cardId) == ["b"])
        #expect(run.cardCount == 2, "a was graded in this run: it still counts as reviewed")
    }

    // MARK: - Undo

    @Test func undoOfAGradeReturnsToThatCardsGradePromptWithItsAnswer() {
        var run = ReviewRun(cardIds: ["a", "b"])
        answer(&run, typedWrong, grade: 1, ms: 2500, again: true)
        #expect(run.pending.map(\.cardId) == ["b", "a"])
        guard case .graded(let undone, _, _)? = run.undo() else { Issue.record("no grade undone"); return }
        #expect(undone.logId == 1)
        #expect(run.step == .grading(cardId: "a", given: typedWrong, spentMs: 2500))
        #expect(run.pending.map(\.cardId) == ["a", "b"], "the repeat the grade asked for is gone")
        #expect(run.answerCount == 0)
        #expect(run.timeSpentMs == 0)
        run.grade(Grade(4)!, logId: 7, durationMs: 3000, comesBackToday: false)
        #expect(run.pending.map(\.cardId) == ["b"])
        #expect(run.answers.map(\.logId) == [7])
        #expect(run.timeSpentMs == 3000)
    }

    @Test func undoOfASuspendPutsTheCardBackWhereItWas() {
        var run = ReviewRun(cardIds: ["a", "b", "c"])
        run.reveal(typedWrong)
        run.suspend()
        #expect(run.step == .answering(cardId: "b"))
        guard case .suspended(let cardId, _, _)? = run.undo() else { Issue.record("no suspend undone"); return }
        #expect(cardId == "a")
        #expect(run.step == .grading(cardId: "a", given: typedWrong, spentMs: 0), "back at a's grade prompt")
        #expect(run.pending.map(\.cardId) == ["a", "b", "c"])
        #expect(run.cardCount == 3)
    }

    @Test func undoOfASuspendAtTheAnswerPromptReturnsThere() {
        var run = ReviewRun(cardIds: ["a", "b"])
        run.suspend()
        run.undo()
        #expect(run.step == .answering(cardId: "a"))
    }

    @Test func undoTakesBackAnAcceptThenTheGradeBeforeIt() {
        var run = ReviewRun(cardIds: ["a", "b"])
        answer(&run, typedRight, grade: 5)
        run.reveal(typedWrong)
        run.accept(addedToStore: true)
        run.grade(Grade(4)!, logId: 2, durationMs: 100, comesBackToday: false)
        #expect(run.correctCount == 2)

        guard case .graded(let graded, _, _)? = run.undo() else { Issue.record("no grade undone"); return }
        #expect(graded.given.accepted)
        guard case .grading("b", let given, _) = run.step else { Issue.record("not at b's grade prompt"); return }
        #expect(given.accepted, "the grade prompt shows the accepted verdict")

        guard case .accepted(_, _, let before, let added)? = run.undo() else { Issue.record("no accept undone"); return }
        #expect(added)
        #expect(before == typedWrong)
        #expect(run.step == .grading(cardId: "b", given: typedWrong, spentMs: 0))

        guard case .graded(let first, _, _)? = run.undo() else { Issue.record("no grade undone"); return }
        #expect(first.cardId == "a")
        #expect(run.step == .grading(cardId: "a", given: typedRight, spentMs: 1000))
        let nothing = run.undo()
        #expect(nothing == nil, "nothing left to undo")
        #expect(run.pending.map(\.cardId) == ["a", "b"])
    }

    @Test func undoOfAnAcceptAfterASkipBringsThatCardBack() {
        var run = ReviewRun(cardIds: ["a", "b"])
        run.reveal(typedWrong)
        run.accept(addedToStore: false)
        run.skip()
        #expect(run.step == .answering(cardId: "b"))
        run.undo()
        #expect(run.step == .grading(cardId: "a", given: typedWrong, spentMs: 0))
        #expect(run.pending.map(\.cardId) == ["a", "b"])
    }

    @Test func countersFollowTheAnswersThroughUndo() {
        var run = ReviewRun(cardIds: ["a", "b", "c"])
        answer(&run, typedRight, grade: 4, ms: 1000)
        answer(&run, typedWrong, grade: 1, ms: 2000, again: true)
        answer(&run, typedRight, grade: 5, ms: 4000)
        answer(&run, typedRight, grade: 4, ms: 8000)
        #expect((run.cardsReviewed, run.answerCount, run.correctCount, run.timeSpentMs) == (3, 4, 3, 15000))
        run.undo()
        #expect((run.cardsReviewed, run.answerCount, run.correctCount, run.timeSpentMs) == (3, 3, 2, 7000))
        run.undo()
        run.undo()
        #expect((run.cardsReviewed, run.answerCount, run.correctCount, run.timeSpentMs) == (1, 1, 1, 1000))
        #expect(run.pending.map(\.cardId) == ["b", "c"])
    }

    @Test func aDiscardedCardLeavesNoActionToUndo() {
        var run = ReviewRun(cardIds: ["a", "b"])
        run.discardCurrent()
        #expect(run.step == .answering(cardId: "b"))
        #expect(run.lastAction == nil)
        #expect(run.cardCount == 1)
    }
}
