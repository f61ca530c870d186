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
        @Argument(help: "The new value.") var value: String?

        func validate() throws {
            if let key, Setting.all[key] == nil {
                throw ValidationError("unknown setting \(key) — settings: \(Setting.all.keys.sorted().joined(separator: ", "))")
            }
            guard let key, let value else { return }
            switch key {
            case Setting.scheduler:
                if SchedulerKind(rawValue: value) == nil { throw ValidationError("scheduler is sm2 or fsrs, not \(value)") }
            case Setting.desiredRetention:
                guard let retention = Double(value), FSRS.desiredRetentionRange.contains(retention) else {
                    throw ValidationError("desired-retention is a number from 0.70 to 0.97 (the share of cards FSRS aims to have you recall when they come due), not \(value)")
                }
            default:
                guard let number = Int(value) else { throw ValidationError("\(key) takes a whole number, not \(value)") }
                if key == Setting.dayStartHour, !(0...23).contains(number) { throw ValidationError("day-start-hour is an hour from 0 to 23") }
                if key == Setting.newPerDay, !(0...10_000).contains(number) { throw ValidationError("new-per-day is a number from 0 to 10000") }
            }
        }

        func run() throws {
            let workspace = try Workspace(global)
            if let key, let value {
                if key == Setting.scheduler, let kind = SchedulerKind(rawValue: value) {
                    try workspace.store.setScheduler(kind, today: workspace.clock.today)
                } else {
                    try workspace.store.setSetting(key, to: value)
                }
                TerminalOutput.standardOutput.line("\(key) = \(value)")
                return
            }
            for name in Setting.all.keys.sorted() where key == nil || key == name {
                TerminalOutput.standardOutput.line("\(name) = \(try workspace.store.setting(name) ?? Setting.defaults[name]!)    # \(Setting.all[name]!)")
            }
        }
    }
}
