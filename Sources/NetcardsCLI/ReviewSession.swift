import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

/// The review REPL: prompts and renders the steps of a `ReviewRun`, saving every action in the store the
/// moment it is taken. What the run is (queue, repeats, undo, counters) lives in `ReviewRun`.
final class ReviewSession {
    struct Summary {
        var run: ReviewRun
        var endedBy: LineInput
    }

    private var review: ReviewRun
    private let repl: ReplContext
    /// The showing whose question is on screen, and when the time on it started counting.
    private var onScreen: (entry: ReviewRun.Entry, since: DispatchTime, spentBeforeMs: Int)?

    init(_ repl: ReplContext, queue: [String]) {
        self.repl = repl
        self.review = ReviewRun(cardIds: queue)
    }

    private enum Outcome { case carryOn, stop(LineInput) }

    func run() throws -> Summary {
        while true {
            let outcome: Outcome
            switch review.step {
            case .finished:
                // On a terminal the last action can still be taken back before the run ends.
                guard repl.reader.isInteractive, review.lastAction != nil else { return Summary(run: review, endedBy: .end) }
                outcome = try waitAtTheEnd()
            case .answering(let cardId):
                guard let card = try showable(cardId) else { review.discardCurrent(); continue }
                outcome = try answer(card)
            case .grading(let cardId, let given, let spentMs):
                guard let card = try showable(cardId) else { review.discardCurrent(); continue }
                outcome = try grade(card, given: given, spentMs: spentMs)
            }
            if case .stop(let reason) = outcome { return Summary(run: review, endedBy: reason) }
        }
    }

    private func showable(_ cardId: String) throws -> CardRecord? {
        guard let card = try repl.store.card(id: cardId), !card.retired, !card.suspended else { return nil }
        return card
    }

    // MARK: - Steps

    private func answer(_ card: CardRecord) throws -> Outcome {
        showQuestion(card, spentMs: 0)
        while true {
            switch repl.reader.readLine(prompt: card.mode == .typed ? "answer> " : "Enter to reveal> ") {
            case .end: return .stop(.end)
            case .interrupted: return .stop(.interrupted)
            case .line(let line):
                if let outcome = try command(in: line) {
                    if case .stop = outcome { return outcome }
                    if review.step != .answering(cardId: card.id) || onScreen?.entry != review.currentEntry { return .carryOn }
                    continue
                }
                let given = GivenAnswer(typed: line, mode: card.mode, answers: card.acceptedAnswers)
                if !given.isBlank { repl.reader.remember(given.typed) }
                review.reveal(given)
                return .carryOn
            }
        }
    }

    private func grade(_ card: CardRecord, given: GivenAnswer, spentMs: Int) throws -> Outcome {
        if onScreen?.entry != review.currentEntry { showQuestion(card, spentMs: spentMs) }
        showAnswer(card, given: given)
        while true {
            let suggested = given.suggestedGrade
            switch repl.reader.readLine(prompt: "grade 0-5 or a/h/g/e [Enter = \(suggested.value) \(Self.gradeName(suggested))]> ") {
            case .end: return .stop(.end)
            case .interrupted: return .stop(.interrupted)
            case .line(let line):
                if let outcome = try command(in: line) {
                    if case .stop = outcome { return outcome }
                    if review.step != .grading(cardId: card.id, given: given, spentMs: spentMs) { return .carryOn }
                    continue
                }
                let grade: Grade
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    grade = suggested
                } else if let chosen = Grade(typed: line) {
                    grade = chosen
                } else {
                    repl.console.line(repl.style.yellow("A grade is a digit 0-5, or a, h, g, e. :help lists the commands."))
                    continue
                }
                return try record(card, grade: grade, given: given) ? .carryOn : .stop(.interrupted)
            }
        }
    }

    private func waitAtTheEnd() throws -> Outcome {
        onScreen = nil
        while true {
            switch repl.reader.readLine(prompt: "All done. Enter finishes, :undo takes back the last action> ") {
            case .end: return .stop(.end)
            case .interrupted: return .stop(.interrupted)
            case .line(let line):
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return .stop(.end) }
                switch ReplCommand.parse(line) {
                case .success(.undo)?: return try undoLast()
                case .success(.quit)?: return .stop(.end)
                default: repl.console.line(repl.style.yellow("Enter finishes the run; :undo takes back the last action."))
                }
            }
        }
    }

    // MARK: - Rendering

    private func showQuestion(_ card: CardRecord, spentMs: Int) {
        if let entry = review.currentEntry { onScreen = (entry, DispatchTime.now(), spentMs) }
        let counter = review.counter.map { "[\($0.index)/\($0.of)\($0.isRepeat ? " again" : "")] " } ?? ""
        repl.console.line()
        repl.console.line(repl.style.dim("\(counter)\(card.deck)\(card.table.map { " · \($0)" } ?? "")"))
        repl.console.line(CardTextView.render(card.front, prose: repl.style.bold))
    }

    private func showAnswer(_ card: CardRecord, given: GivenAnswer) {
        if given.accepted {
            repl.console.line(repl.style.green("✓ accepted") + "  \(repl.style.bold("\(given.typed)"))" +
                              repl.style.dim("  (an answer of this card from now on; :undo takes it back)"))
            return
        }
        if let check = given.check {
            repl.console.line(AnswerFeedback.render(typed: given.typed, check: check, style: repl.style))
            if given.canBeAccepted {
                repl.console.line(repl.style.dim("  (:accept if your answer was right)"))
            }
            return
        }
        repl.console.line(repl.style.cyan("→ ") + CardTextView.render(card.back))
        if card.mode == .reveal && !given.isBlank {
            repl.console.line(repl.style.dim("  you wrote: ") + given.typed)
        }
        if card.mode == .typed,
           let also = AnswerFeedback.alsoAccepted(AnswerChecker.alternatives(to: card.acceptedAnswers), style: repl.style) {
            repl.console.line(also)
        }
    }

    // MARK: - Actions

    /// Saves the grade; false when Ctrl-C stopped the wait for a store another netcards had locked.
    private func record(_ card: CardRecord, grade: Grade, given: GivenAnswer) throws -> Bool {
        let today = repl.clock.today
        let durationMs = elapsedMs()
        let receipt: AnswerReceipt
        do {
            receipt = try repl.store.recordAnswer(AnswerInput(
                cardId: card.id, grade: grade, typed: given.isBlank ? nil : given.typed, verdict: given.loggedVerdict,
                durationMs: durationMs, kind: .review, at: repl.clock.now(), today: today))
        } catch {
            guard error.kind == .locked, LineReaders.pendingSignal != 0 else { throw error }
            repl.console.line(repl.style.yellow("Stopped while waiting for the store: the grade for \(card.id) was not saved."))
            return false
        }
        let comesBackToday = Schedulers.comesBackInThisRun(due: receipt.due, grade: grade, today: today)
        review.grade(grade, logId: receipt.logId, durationMs: durationMs, comesBackToday: comesBackToday)
        if let due = receipt.due, due <= today {
            repl.console.line(repl.style.dim(grade.isPass ? "  again later today, until you grade it 4 or 5" : "  back later today"))
        } else if comesBackToday {
            // FSRS plans a lapsed card for another day; this run still shows it again until it is passed.
            repl.console.line(repl.style.dim("  back later in this run; then \(Self.nextIn(receipt.due, today: today))"))
        } else if let due = receipt.due {
            repl.console.line(repl.style.dim("  " + Self.nextIn(due, today: today)))
        }
        return true
    }

    /// Time on the card on screen: from its question being shown to now.
    private func elapsedMs() -> Int {
        guard let onScreen else { return 0 }
        return onScreen.spentBeforeMs + Int((DispatchTime.now().uptimeNanoseconds - onScreen.since.uptimeNanoseconds) / 1_000_000)
    }

    static func nextIn(_ due: StudyDay?, today: StudyDay) -> String {
        guard let due else { return "not scheduled" }
        let days = due - today
        return "next in \(days) day\(days == 1 ? "" : "s") (\(due.iso))"
    }

    /// nil when the line is an answer or a grade, not a command.
    private func command(in line: String) throws -> Outcome? {
        guard let parsed = ReplCommand.parse(line) else { return nil }
        repl.reader.remember(line.trimmingCharacters(in: .whitespaces))
        switch parsed {
        case .failure(let unknown):
            repl.console.line(repl.style.yellow("Unknown command \(unknown.name). Commands: \(ReplCommand.completions.joined(separator: " "))"))
        case .success(.help):
            repl.console.line("\(ReplCommand.helpText)")
        case .success(.stats):
            repl.console.line("\(runStatsLine())")
        case .success(.quit):
            return .stop(.end)
        case .success(.skip):
            let othersFirst = review.skip()
            repl.console.line(repl.style.dim(othersFirst ? "Skipped; it comes back at the end of this review." : "Skipped, but it is the last card left: here it is again."))
            onScreen = nil
        case .success(.suspend):
            guard let cardId = review.currentCardId else { break }
            try repl.store.setSuspended(true, cardId: cardId, today: repl.clock.today)
            review.suspend()
            repl.console.line(repl.style.dim("Suspended \(cardId); it won't be shown again (:undo takes it back, `netcards unsuspend` later)."))
        case .success(.accept):
            try accept()
        case .success(.undo):
            return try undoLast()
        }
        return .carryOn
    }

    private func accept() throws {
        guard case .grading(let cardId, let given, _) = review.step, given.canBeAccepted else {
            repl.console.line(repl.style.yellow(":accept works at the grade prompt after ≈ or ✗: it accepts what you typed."))
            return
        }
        let added = try repl.store.acceptAnswer(given.typed, cardId: cardId, at: repl.clock.now())
        review.accept(addedToStore: added)
    }

    private func undoLast() throws -> Outcome {
        guard let action = review.lastAction else {
            repl.console.line(repl.style.yellow("Nothing to undo in this review."))
            return .carryOn
        }
        let message: String
        switch action {
        case .graded(let answer, _, _):
            try repl.store.undoAnswer(logId: answer.logId, today: repl.clock.today)
            message = "Took back the grade \(answer.grade.value); grade this card again."
        case .suspended(let cardId, _, _):
            try repl.store.setSuspended(false, cardId: cardId, today: repl.clock.today)
            message = "Took back the suspend of \(cardId); here is that card again."
        case .accepted(let cardId, _, let before, let addedToStore):
            if addedToStore { try repl.store.removeAcceptedAnswer(before.typed, cardId: cardId) }
            message = "Took back :accept; \(before.typed) is not an answer of this card."
        }
        review.undo()
        repl.console.line(repl.style.dim("\(message)"))
        // Unless it is still on screen, the card's question is shown again, its time counting on from where it was.
        if onScreen?.entry != review.currentEntry { onScreen = nil }
        return .carryOn
    }

    func runStatsLine() -> String {
        let percent = review.answerCount == 0 ? 0 : Int((Double(review.correctCount) / Double(review.answerCount) * 100).rounded())
        return "This run: \(review.cardsReviewed) cards (\(review.answerCount) answers), \(percent)% correct, \(review.pending.count) left, \(Duration.text(Double(review.timeSpentMs) / 1000))"
    }

    static func gradeName(_ grade: Grade) -> String {
        switch grade.value {
        case 0...2: "again"
        case 3: "hard"
        case 4: "good"
        default: "easy"
        }
    }
}

enum Duration {
    static func text(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m \(String(format: "%02d", whole % 60))s"
    }
}
