import NetcardsCore

/// How netcards writes estimated recall: a whole percent, or – while FSRS knows none of the cards.
enum RecallText {
    static func wholePercent(_ recall: Double) -> Int { Int((recall * 100).rounded()) }

    static func percent(_ recall: Double?) -> String { recall.map { "\(wholePercent($0))%" } ?? "–" }

    /// "Ports: recall 81% → 86%, introduced 12 → 17": one module's change over a review run.
    static func change(_ change: ModuleRecallChange) -> String {
        "\(change.module): recall \(percent(change.before.recall)) → \(percent(change.after.recall)), " +
            "introduced \(change.before.introduced) → \(change.after.introduced)"
    }
}
