import Foundation
import NetcardsCore
import NetcardsStore

/// An Anki card's schedule and review log in netcards' terms: ease = factor / 1000, interval = ivl, due from
/// the collection's creation day, lapses as Anki counts them; revlog rows become review-log rows with the
/// grade mapped (Again 1 → 1, Hard 2 → 3, Good 3 → 4, Easy 4 → 5).
struct AnkiHistory {
    let created: Int64
    let dayStartHour: Int
    let timeZone: TimeZone

    static func grade(forEase ease: Int) -> Grade? {
        switch ease {
        case 1: Grade(1)
        case 2: Grade(3)
        case 3: Grade(4)
        case 4: Grade(5)
        default: nil
        }
    }

    /// nil for a new card with no reviews: nothing to carry over.
    func history(of card: AnkiCollection.Card, reviews: [AnkiCollection.Review]) -> ImportedCardHistory? {
        let log = logRows(reviews)
        let state = state(of: card, log: log)
        guard state != nil || !log.isEmpty else { return nil }
        var lastReview = log.last?.day
        if lastReview == nil, let state, let due = state.due, card.type == 2 { lastReview = due.adding(days: -state.interval) }
        return ImportedCardHistory(cardId: "", state: state, suspended: card.queue == -1,
                                   firstReviewDay: log.first?.day, lastReviewDay: lastReview, reviews: log)
    }

    private func state(of card: AnkiCollection.Card, log: [ImportedReview]) -> CardState? {
        let ease = card.factor > 0 ? max(1.3, Double(card.factor) / 1000) : 2.5
        switch card.type {
        case 2:
            let trailingPasses = log.reversed().prefix(while: { $0.grade.isPass }).count
            return CardState(repetitions: log.isEmpty ? 2 : max(1, trailingPasses), ease: ease, interval: max(1, card.interval),
                             due: reviewDay(card.homeDue), lapses: card.lapses)
        case 1, 3:
            // Learning and relearning: due today (or on its learning step), counted from zero as SM-2 does.
            let due = card.homeDue > 1_000_000_000 ? day(ofSeconds: Double(card.homeDue)) : reviewDay(card.homeDue)
            return CardState(repetitions: 0, ease: ease, interval: 0, due: due, lapses: card.lapses)
        default:
            return nil
        }
    }

    private func logRows(_ reviews: [AnkiCollection.Review]) -> [ImportedReview] {
        var rows: [ImportedReview] = []
        var repetitions = 0
        var lapses = 0
        var ease: Double?
        var previous: (day: StudyDay, interval: Int)?
        var firstDay: StudyDay?
        for review in reviews {
            guard let grade = Self.grade(forEase: review.ease) else { continue }  // manual reschedules have ease 0
            let seconds = Double(review.id) / 1000
            let day = day(ofSeconds: seconds)
            let easeAfter = review.factor > 0 ? Double(review.factor) / 1000 : (ease ?? 2.5)
            let before = CardState(repetitions: repetitions, ease: ease ?? easeAfter, interval: max(0, review.lastInterval),
                                   due: previous.map { $0.day.adding(days: $0.interval) }, lapses: lapses)
            rows.append(ImportedReview(answeredAt: Date(timeIntervalSince1970: seconds), day: day, grade: grade,
                                       durationMs: review.timeMs, before: before, lastReviewDayBefore: previous?.day,
                                       firstReviewDayBefore: firstDay, easeAfter: easeAfter,
                                       intervalAfter: max(0, review.interval)))
            if grade.isPass { repetitions += 1 } else {
                repetitions = 0
                if review.type == 1 { lapses += 1 }
            }
            ease = easeAfter
            previous = (day, max(0, review.interval))
            if firstDay == nil { firstDay = day }
        }
        return rows
    }

    /// Anki's `due` of a review card: days since the collection was created.
    private func reviewDay(_ due: Int64) -> StudyDay {
        day(ofSeconds: Double(created) + Double(due) * 86_400)
    }

    private func day(ofSeconds seconds: Double) -> StudyDay {
        StudyDay(Date(timeIntervalSince1970: seconds), dayStartHour: dayStartHour, timeZone: timeZone)
    }
}
