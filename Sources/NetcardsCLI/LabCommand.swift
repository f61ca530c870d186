import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsLab
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct LabRun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lab",
            abstract: "Find out what is wrong with small services on loopback, with the real tools (dig, curl, ss, nc, ip).",
            discussion: """
                Without a name: lists the labs, then runs the due ones one after another. With a name: runs that lab. \
                Answer at `answer> ` (plain lines when stdin is not a terminal); :hint, :give-up, :quit. \
                A result is scheduled like a card: solved first try 5, with retries 4, with hints 3, given up 1.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A lab: \(LabCatalogue.all.map(\.name).joined(separator: ", ")).") var name: String?
        @Flag(help: "Only list the labs, even when some are due.") var list = false

        func validate() throws {
            if let name, LabCatalogue.named(name) == nil {
                throw ValidationError("no lab named \(name): the labs are \(LabCatalogue.all.map(\.name).joined(separator: ", "))")
            }
        }

        func run() throws {
            let workspace = try Workspace(global)
            let console = TerminalOutput.standardOutput
            let labs: [Lab]
            if let name {
                labs = [LabCatalogue.named(name)!]
            } else {
                console.line(try LabList.render(workspace: workspace))
                if list { return }
                labs = try workspace.store.dueLabs(onOrBefore: workspace.clock.today).compactMap(LabCatalogue.named)
                if labs.isEmpty {
                    console.line()
                    console.line("No lab is due. Run one with " + workspace.style.cyan("netcards lab NAME") + ".")
                    return
                }
            }
            LineReaders.catchInterrupts()
            let reader = LineReaders.forStandardInput(programName: "netcards", completions: LabSession.commands)
            let repl = ReplContext(store: workspace.store, clock: workspace.clock, reader: reader, console: console, style: workspace.style)
            for lab in labs {
                console.line()
                switch try LabRunner(repl: repl, environment: workspace.environment).run(lab) {
                case .finished: continue
                case .quit: return
                case .interrupted: throw ExitCode(128 + LineReaders.pendingSignal)
                }
            }
        }
    }
}

/// Starts a lab's services, runs its session, stops the services whatever happened, and saves the result.
struct LabRunner {
    let repl: ReplContext
    let environment: [String: String]

    func run(_ lab: Lab) throws -> LabSession.Ending {
        let style = repl.style
        for tool in lab.tools where tool.path(searching: environment["PATH"]) == nil {
            repl.console.line(style.yellow("Note: this lab uses \(tool.missingMessage)"))
        }
        let running: RunningLab
        do { running = try lab.run(environment: environment) } catch { throw UserError("lab \(lab.name) can't start: \(error)") }
        let started = Date()
        let ending = LabSession(repl, lab: lab, running: running).run()
        running.stop()
        guard case .finished(let outcome) = ending else {
            if ending == .quit { repl.console.line(style.dim("Lab \(lab.name) stopped; nothing saved.")) }
            return ending
        }
        let today = repl.clock.today
        let receipt = try repl.store.recordAnswer(AnswerInput(
            cardId: lab.cardId, grade: outcome.grade, verdict: outcome.solved ? AnswerVerdict.correct.rawValue : AnswerVerdict.wrong.rawValue,
            durationMs: Int(Date().timeIntervalSince(started) * 1000), kind: .lab, at: repl.clock.now(), today: today))
        let how = outcome.solved ? (outcome.grade == .easy ? "Solved at the first try" : outcome.grade == .good ? "Solved, after retries" : "Solved, with hints")
                                 : "Given up"
        let next = receipt.due.map { $0 == today ? "again today" : "next on \($0.iso)" } ?? "not scheduled"
        repl.console.line()
        repl.console.line(style.bold("\(how): grade \(outcome.grade.value)") + " · \(next). The services are stopped.")
        return ending
    }
}
