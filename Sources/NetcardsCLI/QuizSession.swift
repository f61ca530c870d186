import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

/// The quiz REPL: asks each question once, checks the answer, logs it as a quiz answer (which never
/// moves the SM-2 schedule), and ends with the score and the ones missed.
final class QuizSession {
    struct Result {
        var asked = 0
        var correct = 0
        var missed: [(question: QuizQuestion, typed: String, verdict: AnswerVerdict)] = []
        var endedBy: LineInput = .end
    }

    private let questions: [QuizQuestion]
    private let choices: [[String]]?

    /// `choices`, when given, holds the options of each question (multiple choice).
    private let repl: ReplContext

    init(_ repl: ReplContext, questions: [QuizQuestion], choices: [[String]]?) {
        self.repl = repl
        self.questions = questions
        self.choices = choices
    }

    func run() throws -> Result {
        var result = Result()
        questionLoop: for (index, question) in questions.enumerated() {
            repl.console.line()
            repl.console.line(repl.style.dim("[\(index + 1)/\(questions.count)]") + " " + CardTextView.render(question.front, prose: repl.style.bold))
            let options = choices?[index]
            if let options {
                for (number, option) in options.enumerated() { repl.console.line("  \(number + 1)) \(option)") }
            }
            let shownAt = DispatchTime.now()
            var typed = ""
            while true {
                switch repl.reader.readLine(prompt: options == nil ? "answer> " : "choice 1-\(options!.count)> ") {
                case .end: result.endedBy = .end; break questionLoop
                case .interrupted: result.endedBy = .interrupted; break questionLoop
                case .line(let line):
                    switch ReplCommand.parse(line) {
                    case .none:
                        typed = line.trimmingCharacters(in: .whitespaces)
                        if let options, !typed.isEmpty, Self.chosenOption(typed, from: options) == nil,
                           !options.contains(where: { AnswerChecker.normalize($0) == AnswerChecker.normalize(typed) }) {
                            repl.console.line(repl.style.yellow("Type a number from 1 to \(options.count) (or Enter to skip)."))
                            continue
                        }
                    case .success(.quit)?: result.endedBy = .end; break questionLoop
                    case .success(.skip)?: typed = ""
                    case .success(.help)?:
                        repl.console.line("Type the answer (or the option's number) and press Enter. :skip gives up on a question, :quit ends the quiz.")
                        continue
                    case .success(let other)?:
                        repl.console.line(repl.style.yellow(":\(other.rawValue) works in review, not in a quiz."))
                        continue
                    case .failure(let unknown)?:
                        repl.console.line(repl.style.yellow("Unknown command \(unknown.name). In a quiz: :skip, :help, :quit"))
                        continue
                    }
                }
                break
            }
            repl.reader.remember(typed)
            let given = Self.chosenOption(typed, from: options) ?? typed
            let check = AnswerChecker.check(given, against: question.answers)
            result.asked += 1
            if check.verdict == .correct { result.correct += 1 } else { result.missed.append((question, given, check.verdict)) }
            repl.console.line(feedback(check, typed: given, question: question, multipleChoice: options != nil))
            if let cardId = question.cardId {
                try repl.store.recordAnswer(AnswerInput(
                    cardId: cardId, grade: check.verdict.suggestedGrade, typed: given.isEmpty ? nil : given,
                    verdict: check.verdict.rawValue,
                    durationMs: Int((DispatchTime.now().uptimeNanoseconds - shownAt.uptimeNanoseconds) / 1_000_000),
                    kind: .quiz, at: repl.clock.now(), today: repl.clock.today))
            }
        }
        return result
    }

    /// A number typed at a multiple choice stands for its option.
    private static func chosenOption(_ typed: String, from options: [String]?) -> String? {
        guard let options, let number = Int(typed.trimmingCharacters(in: .whitespaces)),
              options.indices.contains(number - 1) else { return nil }
        return options[number - 1]
    }

    private func feedback(_ check: AnswerCheck, typed: String, question: QuizQuestion, multipleChoice: Bool) -> TerminalText {
        let note = question.note.map { repl.style.dim("  (\($0))") } ?? ""
        if check.verdict == .correct { return repl.style.green("✓ correct") + "  \(check.closest)" + note }
        if typed.trimmingCharacters(in: .whitespaces).isEmpty { return repl.style.red("✗ skipped") + " — the answer: \(repl.style.bold("\(check.closest)"))" + note }
        if multipleChoice { return repl.style.red("✗ not quite") + " — the answer: \(repl.style.bold("\(check.closest)"))" + note }
        return AnswerFeedback.render(typed: typed, check: check, style: repl.style) + note
    }
}
