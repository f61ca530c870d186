import ArgumentParser
import NetcardsTerminal

extension Netcards {
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change a setting: new-per-day, day-start-hour.",
            discussion: "netcards config                 shows every setting\nnetcards config new-per-day 30  changes one")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "new-per-day or day-start-hour") var key: String?
        @Argument(help: "The new value.") var value: String?

        func validate() throws {
            if let key, Setting.all[key] == nil {
                throw ValidationError("unknown setting \(key) — settings: \(Setting.all.keys.sorted().joined(separator: ", "))")
            }
            if let value {
                guard let number = Int(value) else { throw ValidationError("\(key!) takes a whole number, not \(value)") }
                if key == Setting.dayStartHour, !(0...23).contains(number) { throw ValidationError("day-start-hour is an hour from 0 to 23") }
                if key == Setting.newPerDay, !(0...10_000).contains(number) { throw ValidationError("new-per-day is a number from 0 to 10000") }
            }
        }

        func run() throws {
            let workspace = try Workspace(global)
            if let key, let value {
                try workspace.store.setSetting(key, to: value)
                TerminalOutput.standardOutput.line("\(key) = \(value)")
                return
            }
            let defaults = [Setting.dayStartHour: "4", Setting.newPerDay: "20"]
            for name in Setting.all.keys.sorted() where key == nil || key == name {
                TerminalOutput.standardOutput.line("\(name) = \(try workspace.store.setting(name) ?? defaults[name]!)    # \(Setting.all[name]!)")
            }
        }
    }
}
