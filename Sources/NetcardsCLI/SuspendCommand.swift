import ArgumentParser
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend",
            abstract: "Stop showing cards in review (their progress is kept).",
            discussion: "Card ids are listed by `netcards cards` (`--search TEXT` narrows them). An unknown id changes nothing and exits 1.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Card ids.") var ids: [String]

        func run() throws { try SuspendedState.set(true, ids: ids, global: global) }
    }

    struct Unsuspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unsuspend",
            abstract: "Show suspended cards in review again.",
            discussion: "Card ids are listed by `netcards cards --state suspended`. An unknown id changes nothing and exits 1.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Card ids.") var ids: [String]

        func run() throws { try SuspendedState.set(false, ids: ids, global: global) }
    }
}

enum SuspendedState {
    static func set(_ suspended: Bool, ids: [String], global: GlobalOptions) throws {
        let workspace = try Workspace(global)
        let changed = try workspace.store.setSuspended(suspended, cardIds: ids, today: workspace.clock.today)
        let verb = suspended ? "Suspended" : "Unsuspended"
        TerminalOutput.standardOutput.line("\(verb) \(changed.count) card\(changed.count == 1 ? "" : "s")\(changed.isEmpty ? "." : ": " + changed.joined(separator: ", "))")
        let unchanged = ids.filter { !changed.contains($0) }
        if !unchanged.isEmpty {
            TerminalOutput.standardOutput.line("Already \(suspended ? "suspended" : "not suspended"): \(Array(Set(unchanged)).sorted().joined(separator: ", "))")
        }
    }
}
