import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Quiz: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quiz",
            abstract: "Drill a table outside the schedule: `netcards quiz ports`, or any deck with a table.",
            discussion: "Answers are logged as quiz answers: they count in stats and never move a card's schedule.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A table (ports, layers, components, vpc, …) or a deck with tables.") var name: String
        @Option(name: .short, parsing: .unconditional, help: "Number of questions, 1-10000 (default 10; at most the pool).",
                transform: { try ArgumentRanges.number($0, flag: "-n", in: ArgumentRanges.questions, example: "-n 20") }) var n: Int = 10
        @Option(help: "Which way to ask: a question kind of the table (for ports: port or service), or both.") var direction: String = "both"
        @Option(help: "Repeat an order: the same seed asks the same questions in the same order.") var seed: UInt64?
        @Flag(help: "Ports only: add about 80 more ports engineers meet at work (names from /etc/services accepted too).") var all = false
        @Option(parsing: .unconditional, help: "Multiple choice with this many options (2-9).",
                transform: { try ArgumentRanges.number($0, flag: "--choices", in: ArgumentRanges.choices, example: "--choices 4") }) var choices: Int?

        func validate() throws {
            try ArgumentRanges.check(n, in: ArgumentRanges.questions, flag: "-n", meaning: "questions; a quiz asks at most its pool")
            if let choices { try ArgumentRanges.check(choices, in: ArgumentRanges.choices, flag: "--choices", meaning: "options per question") }
            if all && name != "ports" { throw ValidationError("--all widens the ports quiz only: netcards quiz ports --all") }
        }

        func run() throws {
            let workspace = try Workspace(global)
            let directions = direction == "both" ? [] : [direction]
            var pool = try QuizPool.cards(named: name, directions: directions, multipleChoice: choices != nil, store: workspace.store)
            if all { pool += workPortQuestions(known: pool, directions: directions, environment: workspace.environment) }
            var generator = SeededGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max))
            let questions = Array(pool.shuffled(using: &generator).prefix(n))
            let options = choices.map { count in questions.map { Self.options(for: $0, count: count, pool: pool, using: &generator) } }

            let console = TerminalOutput.standardOutput
            console.line(workspace.style.bold("Quiz: \(name)") + " · \(questions.count) question\(questions.count == 1 ? "" : "s")")
            LineReaders.catchInterrupts()
            let reader = LineReaders.forStandardInput(programName: "netcards", completions: [":skip", ":help", ":quit"])
            let session = QuizSession(ReplContext(store: workspace.store, clock: workspace.clock, reader: reader, console: console, style: workspace.style),
                                      questions: questions, choices: options)
            let result = try session.run()
            console.line()
            console.line(workspace.style.bold("Score: \(result.correct)/\(result.asked)"))
            if !result.missed.isEmpty {
                console.line("Missed:")
                for miss in result.missed {
                    let said = miss.typed.isEmpty ? "skipped" : "you said \(miss.typed)\(miss.verdict == .partial ? ", partly right" : "")"
                    console.line("  \(CardText.prose(of: miss.question.front)) → \(miss.question.answers[0])  (\(said))")
                }
            }
            if result.endedBy == .interrupted { throw ExitCode(128 + LineReaders.pendingSignal) }
        }

        /// The right answer plus fair wrong ones from the same column, in a seeded order.
        static func options(for question: QuizQuestion, count: Int, pool: [QuizQuestion], using generator: inout SeededGenerator) -> [String] {
            MultipleChoice.options(right: question.answers,
                                   candidates: pool.filter { $0.column == question.column }.map(\.answers),
                                   count: count, using: &generator)
        }

        /// The work ports of `--all`; the services database (when readable) adds the names it knows them by.
        private func workPortQuestions(known: [QuizQuestion], directions: [String], environment: [String: String]) -> [QuizQuestion] {
            let services = try? String(contentsOfFile: environment["NETCARDS_SERVICES"] ?? "/etc/services", encoding: .utf8)
            var ports = Set<Int>()
            for question in known {
                for answer in question.answers {
                    let bounds = answer.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                    if bounds.count == 2, bounds[0] < bounds[1] { ports.formUnion(bounds[0]...bounds[1]) } else { ports.formUnion(bounds) }
                }
            }
            return QuizPool.workPorts(services: services, skippingPorts: ports, directions: directions)
        }
    }
}
