import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsImport
import NetcardsStore
import NetcardsTerminal

extension Netcards {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import decks: netcards Markdown, CSV/TSV, Anki text exports and Anki packages (.apkg).",
            discussion: """
                CSV and TSV files need a header row naming the columns front, back and optionally tags, deck, module.
                Every import is one transaction: a file with any error changes nothing. Re-importing a file adds
                nothing; an edited file updates its cards in place and keeps their progress.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The files to import (.md, .csv, .tsv, .txt, .apkg).", valueName: "file"))
        var files: [String]
        @Option(help: "Put every card in this deck (lowercase letters, digits and -).") var deck: String?
        @Option(help: "Put every deck in this module (default: the Anki top-level deck, or the file's name).")
        var module: String?
        @Flag(help: "Show what would be added, changed and retired, and change nothing.") var dryRun = false
        @Flag(help: "Anki packages: carry over each card's schedule and its review log.") var withHistory = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one file to import") }
            if let deck, !DeckNaming.isValidName(deck) {
                let slug = DeckNaming.slug(deck)
                throw ValidationError("--deck \(deck): a deck name is lowercase letters, digits and -\(slug.isEmpty ? "" : " — try --deck \(slug)")")
            }
            if let module, module.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--module needs a name")
            }
        }

        func run() throws {
            let workspace = try Workspace(global)
            let clock = workspace.clock
            let options = ImportOptions(deck: deck, module: module?.trimmingCharacters(in: .whitespaces),
                                        withHistory: withHistory, dayStartHour: clock.dayStartHour, timeZone: clock.timeZone,
                                        now: clock.now())
            let bar = ProgressBar(enabled: ProgressBar.isTerminal(environment: workspace.environment))
            defer { bar.clear() }
            let plan: ImportPlan
            do {
                plan = try DeckImporter(options: options).read(files) { fraction, file in
                    bar.show(fraction * 0.6, label: "reading " + (file as NSString).lastPathComponent)
                }
            } catch {
                throw UserError(error.description)
            }
            let refused = DeckImporter.refusedTargets(plan, existing: try workspace.store.deckSummaries(today: clock.today))
            if !refused.isEmpty { throw UserError(refused.joined(separator: "\n")) }
            bar.show(0.6, label: "saving")
            let report = try workspace.store.loadImport(plan.decks, history: plan.history, today: clock.today, dryRun: dryRun,
                                                        idsListed: ImportSummary.idsShown)
            bar.clear()
            for warning in plan.warnings.prefix(20) {
                TerminalOutput.standardError.line("netcards: warning: \(warning)")
            }
            if plan.warnings.count > 20 {
                TerminalOutput.standardError.line("netcards: … and \(plan.warnings.count - 20) more notes skipped")
            }
            TerminalOutput.standardOutput.line("\(ImportSummary.lines(report, plan: plan, dryRun: dryRun).joined(separator: "\n"))")
        }
    }
}

/// A one-line progress bar on stderr: only on a terminal, and only once the work has taken half a second.
final class ProgressBar {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastLabel = ""
    private var drawn = false
    static let delay: TimeInterval = 0.5
    static let width = 30
    /// Back to the start of the line and erase it.
    private static let clearLine = "\r\u{1B}[K"

    init(enabled: Bool) { self.enabled = enabled }

    static func isTerminal(environment: [String: String]) -> Bool {
        isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    func show(_ fraction: Double, label: String) {
        let now = Date()
        guard enabled, now.timeIntervalSince(start) >= Self.delay,
              label != lastLabel || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        lastLabel = label
        let clamped = min(1, max(0, fraction))
        let filled = Int(clamped * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        TerminalOutput.standardError.write(.code(Self.clearLine) + "[\(bar)] \(Int(clamped * 100))% \(label)")
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        TerminalOutput.standardError.write(.code(Self.clearLine))
        drawn = false
    }
}
