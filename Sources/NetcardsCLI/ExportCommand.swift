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
        @Flag(help: "Replace FILE if it exists (a symlink is written through, a device or FIFO written to).") var force = false
        @Argument(help: ArgumentHelp("Where to write; - for standard output.", valueName: "file")) var file: String

        func run() throws {
            let workspace = try Workspace(global)
            let store = workspace.store
            let today = workspace.clock.today
            try DeckNames.check(deck, in: store)
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
            let destination = SafeFile.Destination(argument: file)
            try SafeFile.write(Data(text.utf8), to: destination, overwrite: force,
                               ifExists: "choose another name, or add --force to overwrite it")
            // Written to standard output, the content stands alone (ready for a pipe).
            if destination == .path(file) { TerminalOutput.standardOutput.line("Wrote \(what) to \(file)") }
        }
    }
}
