import ArgumentParser
import Foundation
import NetcardsImport
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write decks out as netcards Markdown or CSV, or the review log as CSV.",
            discussion: "md writes one deck (choose it with --deck when there are several); `netcards import` reads md and csv back.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case md, csv, log
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this deck (repeatable).") var deck: [String] = []
        @Option(help: "md (one deck, as a netcards deck file), csv (cards) or log (the review log).") var format: Format
        @Flag(help: "Overwrite FILE if it exists.") var force = false
        @Argument(help: ArgumentHelp("Where to write.", valueName: "file")) var file: String

        func run() throws {
            let workspace = try Workspace(global)
            let store = workspace.store
            let today = workspace.clock.today
            try DeckNames.check(deck, in: store)
            if !force, FileManager.default.fileExists(atPath: file) {
                throw UserError("\(file) already exists — choose another name, or add --force to overwrite it")
            }
            let text: String
            let what: String
            switch format {
            case .md:
                let summaries = try store.deckSummaries(today: today)
                let chosen = deck.isEmpty ? summaries.filter { $0.cards > 0 } : summaries.filter { deck.contains($0.deck) }
                guard chosen.count == 1, let summary = chosen.first else {
                    throw UserError("a Markdown deck file holds one deck — choose it with --deck NAME (decks: \(summaries.map(\.deck).joined(separator: ", ")))")
                }
                let cards = try store.cards(decks: [summary.deck])
                text = MarkdownDeckWriter.text(deck: summary.deck, module: summary.module, title: summary.title, cards: cards)
                what = "\(cards.count) card\(cards.count == 1 ? "" : "s") of \(summary.deck)"
            case .csv:
                let cards = try store.cards(decks: deck)
                text = try CSVDeckWriter.text(cards: cards)
                what = "\(cards.count) card\(cards.count == 1 ? "" : "s")"
            case .log:
                let entries = try store.reviewLog(decks: deck)
                text = try ReviewLogWriter.text(entries: entries)
                what = "\(entries.count) answer\(entries.count == 1 ? "" : "s") of the review log"
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: force ? .atomic : .withoutOverwriting)
            } catch {
                throw UserError("could not write \(file): \(error.localizedDescription) — check the folder exists and is writable")
            }
            TerminalOutput.standardOutput.line("Wrote \(what) to \(file)")
        }
    }
}
