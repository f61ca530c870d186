import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

/// The review REPL: shows each queued card, checks the answer, takes a grade and saves it at once.
final class ReviewSession {
    struct Summary {
        var reviewed = 0
        var correct = 0
        var seconds: Double = 0
        var endedBy: LineInput = .end
    }

    private var queue: [String]
    private let total: Int
    private var given: [(logId: Int64, cardId: String, correct: Bool)] = []
    private var summary = Summary()
    private let started = Date()

    private let repl: ReplContext

    init(_ repl: ReplContext, queue: [String]) {
        self.repl = repl
        self.queue = queue
        self.total = queue.count
    }

    private enum Step { case next, stop(LineInput) }

    func run() throws -> Summary {
        while true {
            if let reason = try reviewQueue() {
                summary.endedBy = reason
                break
            }
            // On a terminal the last grade can still be taken back before the run ends.
            guard repl.reader.isInteractive, !given.isEmpty, try undoRequestedAtTheEnd() else { break }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Shows cards until the queue is empty (nil) or the learner leaves (why).
    private func reviewQueue() throws -> LineInput? {
        while let id = queue.first {
            guard let card = try repl.store.card(id: id), !card.retired, !card.suspended else {
                queue.removeFirst()
                continue
            }
            if case .stop(let reason) = try show(card) { return reason }
        }
        return nil
    }

    private func undoRequestedAtTheEnd() throws -> Bool {
        while true {
            switch repl.reader.readLine(prompt: "All done. Enter finishes, :undo takes back the last grade> ") {
            case .end: return false
            case .interrupted:
                summary.endedBy = .interrupted
                return false
            case .line(let line):
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return false }
                switch ReplCommand.parse(line) {
                case .success(.undo)?: return try undoLast()
                case .success(.quit)?: return false
                default: repl.console.line(repl.style.yellow("Enter finishes the run; :undo takes back the last grade."))
                }
            }
        }
    }

    /// Takes back the last grade of this run and puts its card first in the queue.
    private func undoLast() throws -> Bool {
        guard let last = given.popLast() else {
            repl.console.line(repl.style.yellow("Nothing to undo in this run."))
            return false
        }
        try repl.store.undoAnswer(logId: last.logId, today: repl.clock.today)
        summary.reviewed -= 1
        if last.correct { summary.correct -= 1 }
        if let index = queue.lastIndex(of: last.cardId), index > 0 { queue.remove(at: index) }
        queue.insert(last.cardId, at: 0)
        repl.console.line(repl.style.dim("Took back the last grade; here is that card again."))
        return true
    }

    private func show(_ card: CardRecord) throws -> Step {
        let position = total - queue.count + 1
        repl.console.line()
        repl.console.line(repl.style.dim("[\(max(position, summary.reviewed + 1))/\(max(total, summary.reviewed + queue.count))] \(card.deck)\(card.table.map { " · \($0)" } ?? "")"))
        repl.console.line(repl.style.bold(card.front))
        let shownAt = DispatchTime.now()

        var typed = ""
        var suggested = Grade.good
        var verdict: AnswerVerdict?
        answerLoop: while true {
            let prompt = card.mode == .typed ? "answer> " : "Enter to reveal> "
            switch repl.reader.readLine(prompt: prompt) {
            case .end: return .stop(.end)
            case .interrupted: return .stop(.interrupted)
            case .line(let line):
                if let step = try handleCommand(line, card: card) {
                    if case .repeatPrompt = step { continue answerLoop }
                    if case .leave(let outcome) = step { return outcome }
                }
                typed = line
                break answerLoop
            }
        }
        if card.mode == .typed && !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            repl.reader.remember(typed)
            let check = AnswerChecker.check(typed, against: card.answers)
            verdict = check.verdict
            suggested = check.verdict.suggestedGrade
            repl.console.line(AnswerFeedback.render(typed: typed, check: check, style: repl.style))
            if card.answers.count > 1 && check.verdict == .correct {
                repl.console.line(repl.style.dim("  also accepted: \(card.answers.filter { $0 != check.closest }.joined(separator: ", "))"))
            }
        } else {
            repl.console.line(repl.style.cyan("→ ") + card.back)
            if card.mode == .typed && card.answers.count > 1 {
                repl.console.line(repl.style.dim("  also accepted: \(card.answers.dropFirst().joined(separator: ", "))"))
            }
        }
        let durationMs = Int((DispatchTime.now().uptimeNanoseconds - shownAt.uptimeNanoseconds) / 1_000_000)

        while true {
            let prompt = "grade 0-5 or a/h/g/e [Enter = \(suggested.value) \(Self.gradeName(suggested))]> "
            switch repl.reader.readLine(prompt: prompt) {
            case .end: return .stop(.end)
            case .interrupted: return .stop(.interrupted)
            case .line(let line):
                if let step = try handleCommand(line, card: card) {
                    if case .repeatPrompt = step { continue }
                    if case .leave(let outcome) = step { return outcome }
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
                try record(card, grade: grade, typed: typed, verdict: verdict, durationMs: durationMs)
                return .next
            }
        }
    }

    private func record(_ card: CardRecord, grade: Grade, typed: String, verdict: AnswerVerdict?, durationMs: Int) throws {
        let today = repl.clock.today
        let receipt = try repl.store.recordAnswer(AnswerInput(
            cardId: card.id, grade: grade, typed: typed.isEmpty ? nil : typed, verdict: verdict?.rawValue,
            durationMs: durationMs, kind: .review, at: repl.clock.now(), today: today))
        given.append((receipt.logId, card.id, grade.isPass))
        summary.reviewed += 1
        if grade.isPass { summary.correct += 1 }
        queue.removeFirst()
        if let due = receipt.after.due, due <= today {
            queue.append(card.id)
            repl.console.line(repl.style.dim(grade.isPass ? "  again later today, until you grade it 4 or 5" : "  back later today"))
        } else if let due = receipt.after.due {
            repl.console.line(repl.style.dim("  next in \(due - today) day\(due - today == 1 ? "" : "s") (\(due.iso))"))
        }
    }

    private enum CommandStep { case repeatPrompt, leave(Step) }

    /// nil when the line is an answer or a grade, not a command.
    private func handleCommand(_ line: String, card: CardRecord) throws -> CommandStep? {
        guard let parsed = ReplCommand.parse(line) else { return nil }
        repl.reader.remember(line.trimmingCharacters(in: .whitespaces))
        switch parsed {
        case .failure(let unknown):
            repl.console.line(repl.style.yellow("Unknown command \(unknown.name). Commands: \(ReplCommand.completions.joined(separator: " "))"))
            return .repeatPrompt
        case .success(let command):
            switch command {
            case .help:
                repl.console.line(ReplCommand.helpText)
                return .repeatPrompt
            case .stats:
                repl.console.line(runStatsLine())
                return .repeatPrompt
            case .quit:
                return .leave(.stop(.end))
            case .skip:
                queue.removeFirst()
                repl.console.line(repl.style.dim("Skipped; it stays due."))
                return .leave(.next)
            case .suspend:
                try repl.store.setSuspended(true, cardId: card.id, today: repl.clock.today)
                queue.removeAll { $0 == card.id }
                repl.console.line(repl.style.dim("Suspended \(card.id); it won't be shown again."))
                return .leave(.next)
            case .undo:
                return try undoLast() ? .leave(.next) : .repeatPrompt
            }
        }
    }

    func runStatsLine() -> String {
        let percent = summary.reviewed == 0 ? 0 : Int((Double(summary.correct) / Double(summary.reviewed) * 100).rounded())
        return "This run: \(summary.reviewed) answered, \(percent)% correct, \(queue.count) left, \(Duration.text(Date().timeIntervalSince(started)))"
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
