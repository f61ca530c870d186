import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

public struct Netcards: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "netcards",
        abstract: "Spaced-repetition flashcards that teach networking, in your terminal.",
        discussion: "Run without a command to see today's status. Exit codes: 0 ok, 1 bad input or data, 2 usage.",
        version: NetcardsVersion.current,
        subcommands: [Review.self, Quiz.self, LabRun.self, Stats.self, Decks.self, Cards.self, Suspend.self, Unsuspend.self,
                      Import.self, Export.self, Backup.self, Restore.self, Config.self]
    )

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func run() throws {
        let workspace = try Workspace(global)
        let today = workspace.clock.today
        let store = workspace.store
        let style = workspace.style
        let due = try store.dueCount(onOrBefore: today)
        let inputs = try store.queueInputs(today: today, decks: [], newLimit: try workspace.newCardsPerDay())
        let newAvailable = min(inputs.newRoom, inputs.new.count)
        let streak = try store.currentStreak(today: today)
        TerminalOutput.standardOutput.line("\(style.bold("netcards")) · \(today.iso)")
        TerminalOutput.standardOutput.line("  due today      \(due)")
        TerminalOutput.standardOutput.line("  new available  \(newAvailable)")
        TerminalOutput.standardOutput.line("  streak         \(streak) day\(streak == 1 ? "" : "s")")
        TerminalOutput.standardOutput.line(due + newAvailable > 0
              ? "Start with: \(style.cyan("netcards review"))"
              : "Nothing due. Drill a table with \(style.cyan("netcards quiz ports")), or see \(style.cyan("netcards stats")).")
    }
}

public enum NetcardsVersion {
    public static let current = "0.1.0"
}
