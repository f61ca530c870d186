import ArgumentParser
import NetcardsTerminal
import NetcardsCore
import NetcardsStore

extension Netcards {
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show or change a setting: new-per-day, day-start-hour, scheduler, desired-retention.",
            discussion: "netcards config                 shows every setting\nnetcards config new-per-day 30  changes one")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "new-per-day, day-start-hour, scheduler or desired-retention") var key: String?
        /// All the arguments argument-parser does not claim, so a negative value such as `-1` reaches the range
        /// check below instead of being read as an unknown option.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The new value.", valueName: "value")) var values: [String] = []

        private var value: String? { values.first }

        func validate() throws {
            guard let key else {
                if let value { throw ValidationError("unknown option \(value) — netcards config [KEY [VALUE]]") }
                return
            }
            if Setting.all[key] == nil {
                throw ValidationError("unknown setting \(key) — settings: \(Setting.all.keys.sorted().joined(separator: ", "))")
            }
            if values.count > 1 { throw ValidationError("\(key) takes one value, not \(values.joined(separator: " "))") }
            if let value { _ = try Setting.checked(value, for: key) }
        }

        func run() throws {
            let workspace = try Workspace(global)
            if let key, let value {
                let checked = try Setting.checked(value, for: key)
                if key == Setting.scheduler, let kind = SchedulerKind(rawValue: checked) {
                    try workspace.store.setScheduler(kind, today: workspace.clock.today)
                } else {
                    try workspace.store.setSetting(key, to: checked)
                }
                TerminalOutput.standardOutput.line("\(key) = \(checked)")
                return
            }
            for name in Setting.all.keys.sorted() where key == nil || key == name {
                TerminalOutput.standardOutput.line("\(name) = \(try workspace.store.setting(name) ?? Setting.defaults[name]!)    # \(Setting.all[name]!)")
            }
        }
    }
}
