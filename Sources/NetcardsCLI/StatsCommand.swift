import ArgumentParser
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Progress per module (recall, young and mature cards), the next days and leeches; --all shows every section.",
            discussion: "--json prints the same figures; README documents the field names.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this deck (repeatable).") var deck: [String] = []
        @Option(help: "Only this module, by name (repeatable).") var module: [String] = []
        @Flag(help: "Print the figures as JSON.") var json = false
        @Flag(help: "Show every section (calendar, 14-day forecast, recall and mastery trends, quiz, leeches), not only what fits 24 rows.")
        var all = false

        func run() throws {
            let workspace = try Workspace(global)
            let today = workspace.clock.today
            try DeckNames.check(deck, in: workspace.store)
            let known = try workspace.store.moduleMastery().map(\.module)
            for name in module where !known.contains(name) {
                throw UserError("there is no module named \"\(name)\" — modules: \(known.joined(separator: "; "))")
            }
            let report = try workspace.store.stats(today: today, scope: StatsScope(decks: deck, modules: module),
                                                   newLimit: try workspace.newCardsPerDay(), withRecallTrend: all || json)
            if json {
                try JSONOutput.print(StatsJSON(report))
            } else {
                TerminalOutput.standardOutput.line(StatsView(report: report, style: workspace.style, width: TerminalSize.columns(environment: workspace.environment), all: all).render())
            }
        }
    }
}
