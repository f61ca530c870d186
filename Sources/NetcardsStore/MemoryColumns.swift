import GRDB
import NetcardsCore

/// The one mapping between a card's memory (SM-2's and FSRS's state) and its columns. The card table holds
/// them under these names; the review log holds the state before each answer under the same names + `_before`,
/// so an answer can be taken back. `due` is the active scheduler's due day, copied for the queue's index.
enum MemoryColumns {
    static let names = ["reps", "ease", "interval", "due", "repeat_today", "pass_day", "lapses", "last_review_day",
                        "first_review_day", "sm2_due", "fsrs_stability", "fsrs_difficulty", "fsrs_due"]
    static let logNames = names.map { $0 + "_before" }
    /// `CardMemory.isNew` in SQL over the card table's columns (`table` qualifies them).
    static func isNew(_ table: String) -> String { "(\(table).sm2_due IS NULL AND \(table).fsrs_due IS NULL)" }
    /// `CardMemory.interval(under:)` in SQL.
    static func interval(_ table: String, under scheduler: SchedulerKind) -> String {
        switch scheduler {
        case .sm2: "\(table).interval"
        case .fsrs: "max(0, coalesce(\(table).fsrs_due - \(table).last_review_day, 0))"
        }
    }
    /// `reps = ?, ease = ?, …` for an UPDATE of the card.
    static let assignments = names.map { "\($0) = ?" }.joined(separator: ", ")

    static func values(_ memory: CardMemory, active: SchedulerKind) -> [(any DatabaseValueConvertible)?] {
        let sm2 = memory.sm2
        return [sm2.repetitions, sm2.ease, sm2.interval, memory.due(under: active)?.number, sm2.repeatToday,
                sm2.passDay?.number, sm2.lapses, memory.lastReviewDay?.number, memory.firstReviewDay?.number,
                sm2.due?.number, memory.fsrs.memory?.stability, memory.fsrs.memory?.difficulty, memory.fsrs.due?.number]
    }

    /// Reads the memory from a card row (`suffix` ""), or from a review-log row's state before (`"_before"`).
    static func memory(_ row: Row, suffix: String = "") -> CardMemory {
        func day(_ name: String) -> StudyDay? { (row[name + suffix] as Int?).map(StudyDay.init(number:)) }
        let stability: Double? = row["fsrs_stability" + suffix]
        let difficulty: Double? = row["fsrs_difficulty" + suffix]
        let sm2 = CardState(repetitions: row["reps" + suffix], ease: row["ease" + suffix], interval: row["interval" + suffix],
                            due: day("sm2_due"), repeatToday: row["repeat_today" + suffix], passDay: day("pass_day"),
                            lapses: row["lapses" + suffix])
        let memory = zip(stability, difficulty).map { FSRSState.Memory(stability: $0, difficulty: $1) }
        return CardMemory(sm2: sm2, fsrs: FSRSState(memory: memory, lastReview: day("last_review_day"), due: day("fsrs_due")),
                          firstReviewDay: day("first_review_day"))
    }

    /// Writes the card's memory, its due day set by the active scheduler.
    static func store(_ memory: CardMemory, cardId: String, active: SchedulerKind, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE card SET \(assignments) WHERE id = ?")
            .execute(arguments: StatementArguments(values(memory, active: active) + [cardId]))
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

/// One row of the review log, written in one place: by answers, by imports with history and by the store generator.
struct LogRow {
    var cardId: String
    var answeredAt: Double
    var day: StudyDay
    var kind: AnswerKind
    var grade: Grade
    var answer: String?
    var verdict: String?
    var durationMs: Int?
    var before: CardMemory
    /// SM-2's ease and interval after the answer (the export's log shows them).
    var easeAfter: Double
    var intervalAfter: Int

    private static let sql = """
        INSERT INTO review_log(card_id, deck_id, answered_at, day, kind, grade, answer, verdict, duration_ms,
            \(MemoryColumns.logNames.joined(separator: ", ")), ease_after, interval_after)
        VALUES (?, (SELECT deck_id FROM card WHERE id = ?), ?, ?, ?, ?, ?, ?, ?,
            \(Array(repeating: "?", count: MemoryColumns.logNames.count).joined(separator: ", ")), ?, ?)
        """

    /// Inserts the row and counts it in its study day; returns the row's id.
    func insert(active: SchedulerKind, _ db: Database) throws -> Int64 {
        let head: [(any DatabaseValueConvertible)?] = [cardId, cardId, answeredAt, day.number, kind.rawValue, grade.value,
                                                        answer, verdict, durationMs]
        let tail: [(any DatabaseValueConvertible)?] = [easeAfter, intervalAfter]
        try db.cachedStatement(sql: Self.sql)
            .execute(arguments: StatementArguments(head + MemoryColumns.values(before, active: active) + tail))
        let id = db.lastInsertedRowID
        try NetcardsStore.countStudyDay(day.number, passed: grade.isPass, durationMs: durationMs ?? 0, sign: 1, db)
        return id
    }
}
