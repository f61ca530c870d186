import Foundation
import NetcardsStore

/// The review log as CSV: one row per answer, with the interval and ease before and after it.
public enum ReviewLogWriter {
    public static let header = ["card_id", "answered_at", "day", "kind", "grade", "answer", "verdict", "duration_ms",
                                "interval_before", "ease_before", "interval_after", "ease_after"]

    public static func text(entries: [ReviewLogEntry]) throws -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return try DelimitedText.csv(header: header, rows: entries.map { entry in
            [entry.cardId, formatter.string(from: entry.answeredAt), entry.day.iso, entry.kind.rawValue,
             String(entry.grade), entry.answer ?? "", entry.verdict ?? "", entry.durationMs.map(String.init) ?? "",
             String(entry.intervalBefore), ease(entry.easeBefore), String(entry.intervalAfter), ease(entry.easeAfter)]
        })
    }

    /// 2.35, 2.5, 1.3: at most three decimals, no trailing zeros.
    static func ease(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
