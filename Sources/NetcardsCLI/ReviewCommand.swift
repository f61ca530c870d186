import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Review today's cards: the due ones and new ones, interleaved.",
            discussion: "Type each answer (Enter alone reveals), then grade 0-5 or a/h/g/e. :help lists the commands. With stdin not a terminal, lines are read plainly: an empty line reveals, a digit grades.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only these decks (repeatable).") var deck: [String] = []
        @Option(name: .customLong("new"), parsing: .unconditional, help: "New cards to introduce in this run, 0-10000 (default: the new-per-day setting).",
                transform: { try ArgumentRanges.number($0, flag: "--new", in: ArgumentRanges.newCards, example: "--new 5") }) var newCards: Int?

        func validate() throws {
            // Below the range is refused; above it means "all of them" and is clamped in run().
            if let newCards, newCards < ArgumentRanges.newCards.lowerBound {
                try ArgumentRanges.check(newCards, in: ArgumentRanges.newCards, flag: "--new", meaning: "new cards in this run; more is taken as 10000")
            }
        }

        func run() throws {
            let workspace = try Workspace(global)
            let store = workspace.store
            let today = workspace.clock.today
            try DeckNames.check(deck, in: store)
            // --new N introduces N more new cards in this run, whatever the day's limit.
            let inputs = try newCards.map {
                try store.queueInputs(today: today, decks: deck, newInThisRun: ArgumentRanges.clamped($0, to: ArgumentRanges.newCards))
            } ?? store.queueInputs(today: today, decks: deck, newLimit: workspace.newCardsPerDay())
            let queue = ReviewQueue.build(inputs, today: today)
            let console = TerminalOutput.standardOutput
            guard !queue.isEmpty else {
                console.line("Nothing to review today. Tomorrow: \(try store.dueCount(onOrBefore: today.adding(days: 1))) due.")
                if let labs = try LabList.reminder(store: store, today: today) { console.line(labs) }
                return
            }
            LineReaders.catchInterrupts()
            let reader = LineReaders.forStandardInput(programName: "netcards", completions: ReplCommand.completions)
            console.line(workspace.style.bold("\(queue.count) card\(queue.count == 1 ? "" : "s") today.") + workspace.style.dim(" Type :help for commands."))
            let session = ReviewSession(ReplContext(store: store, clock: workspace.clock, reader: reader, console: console, style: workspace.style),
                                        queue: queue)
            let summary = try session.run()
            try printSummary(summary, workspace: workspace, console: console)
            if let labs = try LabList.reminder(store: store, today: today) { console.line(labs) }
            if summary.endedBy == .interrupted { throw ExitCode(128 + LineReaders.pendingSignal) }
        }

        private func printSummary(_ summary: ReviewSession.Summary, workspace: Workspace, console: TerminalOutput) throws {
            let style = workspace.style
            let run = summary.run
            let percent = run.answerCount == 0 ? 0 : Int((Double(run.correctCount) / Double(run.answerCount) * 100).rounded())
            console.line()
            console.line(style.bold("Reviewed \(run.cardsReviewed) card\(run.cardsReviewed == 1 ? "" : "s")") +
                         " (\(run.answerCount) answer\(run.answerCount == 1 ? "" : "s")) · \(percent)% correct · " +
                         Duration.text(Double(run.timeSpentMs) / 1000))
            console.line("Due tomorrow: \(try workspace.store.dueCount(onOrBefore: workspace.clock.today.adding(days: 1)))")
            for change in try workspace.store.recallChanges(ofAnswers: run.answers.map(\.logId), on: workspace.clock.today) {
                console.line("  \(RecallText.change(change))")
            }
        }
    }
}
