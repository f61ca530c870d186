import Foundation
import NetcardsCore
import NetcardsStore

/// An Anki card's schedule and review log in netcards' terms: ease = factor / 1000, interval = ivl, due from
/// the collection's creation day, lapses as Anki counts them; revlog rows become review-log rows with the
/// grade mapped (Again 1 → 1, Hard 2 → 3, Good 3 → 4, Easy 4 → 5).
///
/// Nothing in the file is trusted to be in range. Clamped: intervals to 0…36,500 days, ease to 1.3…10, lapses
/// to 0…100,000, answer times to 0…1 hour, due days to the card's last answer day…today + 36,500 days.
/// Refused: a review dated before 2006 or after today (tomorrow, for a clock a little ahead), and a collection
/// created outside those years — a clamped date would be an answer no one gave.
struct AnkiHistory {
    let created: StudyDay
    let today: StudyDay
    /// The latest moment a review may be dated.
    let latest: Date
    let dayStartHour: Int
    let timeZone: TimeZone

    static let maximumEase = 10.0
    static let maximumLapses = 100_000
    static let maximumDurationMs = 3_600_000
    /// Anki's first release was in October 2006: no review is older.
    static let earliest = Date(timeIntervalSince1970: 1_136_073_600)  // 2006-01-01T00:00:00Z

    /// A value out of every sane range, as a sentence for the note's error line.
    struct OutOfRange: Error {
        var message: String
    }

    init(createdSeconds: Int64, options: ImportOptions) throws(OutOfRange) {
        latest = options.now.addingTimeInterval(86_400)
        dayStartHour = options.dayStartHour
        timeZone = options.timeZone
        today = StudyDay(options.now, dayStartHour: dayStartHour, timeZone: timeZone)
        let moment = Double(createdSeconds)
        guard moment >= Self.earliest.timeIntervalSince1970, moment <= latest.timeIntervalSince1970 else {
            throw OutOfRange(message: "the collection's creation time (`col.crt` = \(createdSeconds)) is not between 2006 and today — the package is damaged")
        }
        created = StudyDay(Date(timeIntervalSince1970: moment), dayStartHour: dayStartHour, timeZone: timeZone)
    }

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
    func history(of card: AnkiCollection.Card, reviews: [AnkiCollection.Review]) throws(OutOfRange) -> ImportedCardHistory? {
        guard let schedule = card.schedule else { return nil }
        let log = try logRows(reviews, card: card.id)
        let state = state(of: schedule, log: log)
        guard state != nil || !log.isEmpty else { return nil }
        var lastReview = log.last?.day
        if lastReview == nil, let state, let due = state.due, schedule.type == 2 {
            lastReview = min(today, due.adding(days: -state.interval))
        }
        return ImportedCardHistory(cardId: "", state: state, suspended: schedule.queue == -1,
                                   firstReviewDay: log.first?.day, lastReviewDay: lastReview, reviews: log)
    }

    private func state(of card: AnkiCollection.Schedule, log: [ImportedReview]) -> CardState? {
        let ease = card.factor > 0 ? Self.ease(permille: card.factor) : 2.5
        let lapses = min(max(0, card.lapses), Self.maximumLapses)
        // A card is never due before its last answer: a stale card row (or a hostile one) does not move it back.
        let earliestDue = log.last?.day ?? StudyDay.earliest
        let dueRange = earliestDue...max(earliestDue, today.adding(days: maximumIntervalDays))
        switch card.type {
        case 2:
            let trailingPasses = log.reversed().prefix(while: { $0.grade.isPass }).count
            return CardState(repetitions: log.isEmpty ? 2 : max(1, trailingPasses), ease: ease,
                             interval: Self.interval(card.interval, atLeast: 1),
                             due: reviewDay(card.homeDue).clamped(to: dueRange), lapses: lapses)
        case 1, 3:
            // Learning and relearning: due today (or on its learning step), counted from zero as SM-2 does.
            let due = card.homeDue > 1_000_000_000 ? day(ofMilliseconds: Int64(Int(truncatingIfNeeded: card.homeDue).multipliedSaturated(by: 1000))) ?? today
                                                   : reviewDay(card.homeDue)
            return CardState(repetitions: 0, ease: ease, interval: 0, due: due.clamped(to: dueRange), lapses: lapses)
        default:
            return nil
        }
    }

    private func logRows(_ reviews: [AnkiCollection.Review], card: Int64) throws(OutOfRange) -> [ImportedReview] {
        var rows: [ImportedReview] = []
        var repetitions = 0
        var lapses = 0
        var ease: Double?
        var previous: (id: Int64, day: StudyDay, interval: Int)?
        var firstDay: StudyDay?
        for review in reviews {
            guard let grade = Self.grade(forEase: review.ease) else { continue }  // manual reschedules have ease 0
            guard review.id != previous?.id else { continue }  // one answer, one row, however often the file lists it
            guard let day = day(ofMilliseconds: review.id) else {
                throw OutOfRange(message: "a review of its card \(card) is dated \(review.id) ms after 1970, not between 2006 and today "
                                    + "— the package's review log is damaged, or the computer that wrote it had a wrong clock")
            }
            let seconds = Double(review.id) / 1000
            let easeAfter = review.factor > 0 ? Self.ease(permille: review.factor) : (ease ?? 2.5)
            let intervalAfter = Self.interval(review.interval, atLeast: 0)
            let before = CardState(repetitions: repetitions, ease: ease ?? easeAfter,
                                   interval: Self.interval(review.lastInterval, atLeast: 0),
                                   due: previous.map { $0.day.adding(days: $0.interval) }, lapses: lapses)
            rows.append(ImportedReview(answeredAt: Date(timeIntervalSince1970: seconds), day: day, grade: grade,
                                       durationMs: min(max(0, review.timeMs), Self.maximumDurationMs), before: before,
                                       lastReviewDayBefore: previous?.day, firstReviewDayBefore: firstDay,
                                       easeAfter: easeAfter, intervalAfter: intervalAfter))
            if grade.isPass { repetitions += 1 } else {
                repetitions = 0
                if review.type == 1 { lapses += 1 }
            }
            ease = easeAfter
            previous = (review.id, day, intervalAfter)
            if firstDay == nil { firstDay = day }
        }
        return rows
    }

    /// Anki's ivl: days when positive; a negative one is a learning step in seconds, less than a day.
    private static func interval(_ days: Int, atLeast minimum: Int) -> Int {
        min(max(minimum, days), maximumIntervalDays)
    }

    private static func ease(permille: Int) -> Double {
        min(max(SM2.minimumEase, Double(permille) / 1000), maximumEase)
    }

    /// Anki's `due` of a review card: days since the collection was created.
    private func reviewDay(_ due: Int64) -> StudyDay {
        created.adding(days: Int(truncatingIfNeeded: due))
    }

    /// The study day of a moment given in milliseconds, or nil when it is not between 2006 and `latest`.
    private func day(ofMilliseconds milliseconds: Int64) -> StudyDay? {
        let seconds = Double(milliseconds) / 1000
        guard seconds >= Self.earliest.timeIntervalSince1970, seconds <= latest.timeIntervalSince1970 else { return nil }
        return StudyDay(Date(timeIntervalSince1970: seconds), dayStartHour: dayStartHour, timeZone: timeZone)
    }
}

private extension StudyDay {
    func clamped(to range: ClosedRange<StudyDay>) -> StudyDay { min(max(self, range.lowerBound), range.upperBound) }
}
