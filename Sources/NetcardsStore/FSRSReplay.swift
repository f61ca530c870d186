import GRDB
import NetcardsCore

/// Gives every card with history its FSRS memory by replaying its review answers oldest first, and
/// fills the log's FSRS state before each answer (so an answer given before FSRS existed can be undone).
enum FSRSReplay {
    static func run(_ db: Database) throws {
        let schedulers = try SchedulerSetting.schedulers(db)
        let updateLog = try db.makeStatement(sql: """
            UPDATE review_log SET fsrs_stability_before = ?, fsrs_difficulty_before = ?, fsrs_due_before = ? WHERE id = ?
            """)
        let updateCard = try db.makeStatement(sql: "UPDATE card SET fsrs_stability = ?, fsrs_difficulty = ?, fsrs_due = ? WHERE id = ?")
        var cardId: String?
        var state = FSRSState.new
        func finish() throws {
            guard let cardId, let memory = state.memory else { return }
            try updateCard.execute(arguments: [memory.stability, memory.difficulty, state.due?.number, cardId])
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, card_id, day, grade FROM review_log WHERE kind = 'review' ORDER BY card_id, answered_at, id
            """)
        while let row = try rows.next() {
            let id: String = row["card_id"]
            if id != cardId {
                try finish()
                cardId = id
                state = .new
            }
            if let memory = state.memory {
                try updateLog.execute(arguments: [memory.stability, memory.difficulty, state.due?.number, row["id"] as Int64])
            }
            let grade = Grade(row["grade"] as Int) ?? .again
            state = schedulers.fsrs.schedule(state, grade: grade, today: StudyDay(number: row["day"]))
        }
        try finish()
    }
}
