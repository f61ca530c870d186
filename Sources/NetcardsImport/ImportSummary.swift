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
        for (deck, definition) in zip(report.decks, plan.decks.map(\.definition)) {
            lines.append("  \(deck.deck.padding(toLength: width, withPad: " ", startingAt: 0))  \(counts(deck, dryRun: dryRun))  (module \(definition.module))")
            if dryRun {
                lines += ids("add", deck.added) + ids("change", deck.changed) + ids("retire", deck.retired)
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
        if !deck.added.isEmpty { parts.append("\(deck.added.count) \(dryRun ? "to add" : "added")") }
        if !deck.changed.isEmpty { parts.append("\(deck.changed.count) \(dryRun ? "to change" : "changed")") }
        if !deck.retired.isEmpty { parts.append("\(deck.retired.count) \(dryRun ? "to retire" : "retired")") }
        if deck.unchanged > 0 { parts.append("\(deck.unchanged) unchanged") }
        return parts.isEmpty ? "no cards" : parts.joined(separator: ", ")
    }

    private static func ids(_ verb: String, _ ids: [String]) -> [String] {
        guard !ids.isEmpty else { return [] }
        var shown = ids.prefix(idsShown).joined(separator: ", ")
        if ids.count > idsShown { shown += ", … and \(ids.count - idsShown) more" }
        return ["      \(verb): \(shown)"]
    }
}
