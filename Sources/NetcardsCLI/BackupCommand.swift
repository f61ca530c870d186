import ArgumentParser
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of the store to FILE (safe while a review runs elsewhere).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Where to write the copy: a new file, a device, or - for standard output.") var file: String

        func run() throws {
            let workspace = try Workspace(global)
            let destination = SafeFile.Destination(argument: file)
            try workspace.store.backup(to: destination)
            // With the copy on standard output, the report goes to standard error.
            let report = file == "-" ? TerminalOutput.standardError : TerminalOutput.standardOutput
            report.line("Backed up \(workspace.store.path) to \(destination.name)")
        }
    }
}
