import Foundation
import NetcardsCore
import NetcardsLab
import NetcardsStore
import NetcardsTerminal

/// One lab run's REPL: the briefing, then each question at `answer> ` until it is answered right or given up.
/// `:hint` gives the next hint, `:give-up` the answer and how to see it, `:quit` ends the run unsaved.
final class LabSession {
    enum Ending: Equatable {
        case finished(LabOutcome)
        /// :quit or the end of input: nothing is saved.
        case quit
        case interrupted
    }

    static let commands = [":hint", ":give-up", ":quit", ":help"]

    private let repl: ReplContext
    private let lab: Lab
    private let running: RunningLab

    init(_ repl: ReplContext, lab: Lab, running: RunningLab) {
        self.repl = repl
        self.lab = lab
        self.running = running
    }

    func run() -> Ending {
        let style = repl.style
        repl.console.line(style.bold("Lab \(lab.name)") + style.dim(" · \(lab.summary)"))
        for line in running.briefing { repl.console.line(TerminalText(line)) }
        repl.console.line(style.dim("Work in another terminal; answer here. :hint for a hint, :give-up for the answer, :quit to stop."))
        var outcome = LabOutcome()
        for (index, question) in running.questions.enumerated() {
            repl.console.line()
            let number: TerminalText = running.questions.count > 1 ? style.dim("[\(index + 1)/\(running.questions.count)] ") : ""
            repl.console.line(number + style.bold(TerminalText(question.text)))
            if let ending = ask(question, outcome: &outcome) { return ending }
        }
        return .finished(outcome)
    }

    /// Reads answers to one question until it is settled; returns an ending when the run stops early.
    private func ask(_ question: LabQuestion, outcome: inout LabOutcome) -> Ending? {
        let style = repl.style
        var hintsShown = 0
        while true {
            switch repl.reader.readLine(prompt: "answer> ") {
            case .end: return .quit
            case .interrupted: return .interrupted
            case .line(let line):
                let typed = line.trimmingCharacters(in: .whitespaces)
                switch typed.lowercased() {
                case "":
                    continue
                case ":quit", ":q":
                    return .quit
                case ":help":
                    repl.console.line("Find the answer with the tools in another terminal, then type it here. :hint gives the next hint, :give-up shows the answer and how to see it, :quit stops the lab (nothing is saved).")
                case ":hint":
                    guard hintsShown < question.hints.count else {
                        repl.console.line(style.yellow("No more hints. :give-up shows the answer and how to see it."))
                        continue
                    }
                    hintsShown += 1
                    outcome.hintsTaken += 1
                    repl.console.line(style.cyan("Hint \(hintsShown)/\(question.hints.count): ") + question.hints[hintsShown - 1])
                case ":give-up":
                    outcome.givenUp += 1
                    repl.console.line(style.red("Given up.") + " The answer: " + style.bold(TerminalText(question.accepted[0])))
                    repl.console.line("  How to see it: " + question.howToSee)
                    return nil
                default:
                    if typed.hasPrefix(":") {
                        repl.console.line(style.yellow("\(typed) is not a lab command: :hint, :give-up, :quit, :help."))
                        continue
                    }
                    repl.reader.remember(typed)
                    let check = AnswerChecker.check(typed, against: question.accepted)
                    switch check.verdict {
                    case .correct, .almost:
                        if check.verdict == .almost { outcome.almost += 1 }
                        repl.console.line(AnswerFeedback.verdictLine(check, style: style) + "  " + style.bold(TerminalText(check.closest)))
                        return nil
                    case .partial, .wrong:
                        // Not review's feedback: showing the expected answer beside it would give the lab away.
                        outcome.wrongAnswers += 1
                        repl.console.line(style.red("✗ not that") + " — try again, or :hint")
                    }
                }
            }
        }
    }
}
