import ArgumentParser
import Foundation
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "List the store's daily backups, or put one back (the current store is saved aside first).",
            discussion: "Without BACKUP: the backups, newest first. BACKUP is a number from that list or a file.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("A number from the list, or a backup file.", valueName: "backup")) var backup: String?

        func run() throws {
            // Not through Workspace: a damaged store must not stop its own restore.
            let store = try StorePath.resolve(option: global.db, environment: ProcessInfo.processInfo.environment)
            let backups = StoreBackups(storePath: store)
            let list = backups.list()
            guard let backup else { return show(list, folder: backups.folder) }
            let chosen: String
            if let index = Int(backup), !FileManager.default.fileExists(atPath: backup) {
                guard list.indices.contains(index - 1) else {
                    throw ValidationError(list.isEmpty ? "there are no backups in \(backups.folder) — give a backup FILE"
                                                       : "no backup \(index): choose 1 to \(list.count) (`netcards restore` lists them)")
                }
                chosen = list[index - 1].path
            } else {
                chosen = backup
            }
            let aside = "\(store).before-restore-\(Self.timestamp())"
            let saved = try StoreRestore.restore(chosen, to: store, savedAsideAt: aside)
            TerminalOutput.standardOutput.line("Restored \(store) from \(chosen).")
            if let saved {
                TerminalOutput.standardOutput.line("The store it replaced is saved as \(saved) (open it with --db to look inside; delete it once you no longer need it).")
            }
        }

        private func show(_ list: [StoreBackups.Backup], folder: String) {
            guard !list.isEmpty else {
                TerminalOutput.standardOutput.line("No backups in \(folder) yet: the first command of each study day writes one.")
                return
            }
            let rows = list.enumerated().map { index, backup in
                ["\(index + 1)", backup.day.iso, Self.size(backup.bytes),
                 StoreRestore.cardCount(backup.path).map(String.init) ?? "unreadable", backup.path]
            }
            TerminalOutput.standardOutput.line(TextTable.render(header: ["#", "date", "size", "cards", "file"], rows: rows,
                                                                rightAligned: [0, 2, 3], style: Style(colored: false)))
            TerminalOutput.standardOutput.line("Restore one with `netcards restore N` (the current store is saved aside first).")
        }

        static func size(_ bytes: Int) -> String {
            bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, bytes / 1024)) kB"
        }

        /// UTC, so two restores in one second in different zones still sort.
        static func timestamp() -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd-HHmmss"
            return formatter.string(from: Date())
        }
    }
}
