import ArgumentParser
import NetcardsTerminal

extension Netcards {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of the store to FILE (safe while a review runs elsewhere).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Where to write the copy; must not exist yet.") var file: String

        func run() throws {
            let workspace = try Workspace(global)
            try workspace.store.backup(to: file)
            TerminalOutput.standardOutput.line("Backed up \(workspace.store.path) to \(file)")
        }
    }
}
