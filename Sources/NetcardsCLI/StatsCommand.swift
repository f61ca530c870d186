import ArgumentParser
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Progress per module, calendar, forecast, trend and leeches, as pictures in the terminal.",
            discussion: "--json prints the same figures; README documents the field names.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this deck (repeatable).") var deck: [String] = []
        @Option(help: "Only this module, by name (repeatable).") var module: [String] = []
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() throws {
            let workspace = try Workspace(global)
            let today = workspace.clock.today
            try DeckNames.check(deck, in: workspace.store, today: today)
            let known = try workspace.store.moduleMastery().map(\.module)
            for name in module where !known.contains(name) {
                throw UserError("there is no module named \"\(name)\" — modules: \(known.joined(separator: "; "))")
            }
            let report = try workspace.store.stats(today: today, scope: StatsScope(decks: deck, modules: module),
                                                   newLimit: try workspace.newCardsPerDay())
            if json {
                try JSONOutput.print(StatsJSON(report))
            } else {
                TerminalOutput.standardOutput.line(StatsView(report: report, style: workspace.style, width: TerminalSize.columns(environment: workspace.environment)).render())
            }
        }
    }
}
