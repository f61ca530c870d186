import NetcardsStore

/// What `netcards import` prints after loading (or, with --dry-run, instead of loading).
public enum ImportSummary {
    public static let idsShown = 10

    public static func lines(_ report: ImportLoadReport, plan: ImportPlan, dryRun: Bool) -> [String] {
        var lines: [String] = []
        let files = plan.files.map(\.path)
        let fileText = files.count == 1 ? files[0] : "\(files.count) files"
        lines.append(dryRun
            ? "Dry run of \(fileText): nothing was written. The import would do this:"
            : "Imported \(fileText): \(plan.cardCount) card\(plan.cardCount == 1 ? "" : "s") in \(report.decks.count) deck\(report.decks.count == 1 ? "" : "s").")
        let width = report.decks.map(\.deck.count).max() ?? 0
        for (deck, imported) in zip(report.decks, plan.decks) {
            lines.append("  \(deck.deck.padding(toLength: width, withPad: " ", startingAt: 0))  \(counts(deck, dryRun: dryRun))  (module \(imported.module))")
            if dryRun {
                lines += ids("add", deck.added, of: deck.addedCount) + ids("change", deck.changed, of: deck.changedCount)
                    + ids("retire", deck.retired, of: deck.retiredCount)
            }
        }
        if report.statesCarried > 0 || report.reviewsAdded > 0 {
            let verb = dryRun ? "would carry over" : "carried over"
            lines.append("  history: \(verb) \(report.statesCarried) card schedule\(report.statesCarried == 1 ? "" : "s") and \(report.reviewsAdded) review\(report.reviewsAdded == 1 ? "" : "s")")
        } else if !plan.history.isEmpty {
            lines.append("  history: nothing new (every schedule and review is already here)")
        }
        return lines
    }

    private static func counts(_ deck: DeckLoadReport, dryRun: Bool) -> String {
        var parts: [String] = []
        if deck.addedCount > 0 { parts.append("\(deck.addedCount) \(dryRun ? "to add" : "added")") }
        if deck.changedCount > 0 { parts.append("\(deck.changedCount) \(dryRun ? "to change" : "changed")") }
        if deck.retiredCount > 0 { parts.append("\(deck.retiredCount) \(dryRun ? "to retire" : "retired")") }
        if deck.unchanged > 0 { parts.append("\(deck.unchanged) unchanged") }
        return parts.isEmpty ? "no cards" : parts.joined(separator: ", ")
    }

    /// The first ids of `count` (the report lists at most `idsShown`).
    private static func ids(_ verb: String, _ ids: [String], of count: Int) -> [String] {
        guard !ids.isEmpty else { return [] }
        var shown = ids.prefix(idsShown).joined(separator: ", ")
        if count > idsShown { shown += ", … and \(count - idsShown) more" }
        return ["      \(verb): \(shown)"]
    }
}
