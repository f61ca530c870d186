import GRDB

/// The store's migrations. A migration is never edited once it has landed: add the next one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE module (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    position INTEGER NOT NULL
                );
                CREATE TABLE deck (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    module_id INTEGER NOT NULL REFERENCES module(id),
                    title TEXT,
                    source TEXT NOT NULL,
                    content_hash TEXT,
                    position INTEGER NOT NULL
                );
                CREATE TABLE card (
                    id TEXT PRIMARY KEY,
                    deck_id INTEGER NOT NULL REFERENCES deck(id),
                    note_key TEXT NOT NULL,
                    table_name TEXT,
                    template TEXT,
                    position INTEGER NOT NULL,
                    front TEXT NOT NULL,
                    back TEXT NOT NULL,
                    answers TEXT NOT NULL,
                    mode TEXT NOT NULL CHECK (mode IN ('typed', 'reveal')),
                    tags TEXT NOT NULL DEFAULT '',
                    retired INTEGER NOT NULL DEFAULT 0,
                    suspended INTEGER NOT NULL DEFAULT 0,
                    reps INTEGER NOT NULL DEFAULT 0,
                    ease REAL NOT NULL DEFAULT 2.5,
                    interval INTEGER NOT NULL DEFAULT 0,
                    due INTEGER,
                    repeat_today INTEGER NOT NULL DEFAULT 0,
                    pass_day INTEGER,
                    lapses INTEGER NOT NULL DEFAULT 0,
                    last_review_day INTEGER,
                    first_review_day INTEGER
                );
                CREATE INDEX card_by_deck ON card(deck_id, position);
                CREATE INDEX card_due ON card(due, position, id, note_key, last_review_day) WHERE retired = 0 AND suspended = 0 AND due IS NOT NULL;
                CREATE INDEX card_progress ON card(deck_id, retired, suspended, interval, due);
                CREATE INDEX card_new ON card(position) WHERE retired = 0 AND suspended = 0 AND due IS NULL;
                CREATE INDEX card_first_review ON card(first_review_day) WHERE first_review_day IS NOT NULL;
                CREATE INDEX card_last_review ON card(last_review_day) WHERE last_review_day IS NOT NULL;
                CREATE TABLE review_log (
                    id INTEGER PRIMARY KEY,
                    card_id TEXT NOT NULL REFERENCES card(id),
                    deck_id INTEGER NOT NULL REFERENCES deck(id),
                    answered_at REAL NOT NULL,
                    day INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('review', 'quiz')),
                    grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
                    answer TEXT,
                    verdict TEXT,
                    duration_ms INTEGER,
                    reps_before INTEGER NOT NULL,
                    ease_before REAL NOT NULL,
                    interval_before INTEGER NOT NULL,
                    due_before INTEGER,
                    repeat_today_before INTEGER NOT NULL,
                    pass_day_before INTEGER,
                    lapses_before INTEGER NOT NULL,
                    last_review_day_before INTEGER,
                    first_review_day_before INTEGER,
                    ease_after REAL NOT NULL,
                    interval_after INTEGER NOT NULL
                );
                CREATE INDEX review_log_by_kind_day ON review_log(kind, day, deck_id, grade, verdict);
                CREATE INDEX review_log_by_card ON review_log(card_id);
                CREATE TABLE mastery (
                    module_id INTEGER PRIMARY KEY REFERENCES module(id),
                    mastered INTEGER NOT NULL,
                    total INTEGER NOT NULL
                );
                CREATE TABLE mastery_history (
                    module_id INTEGER NOT NULL REFERENCES module(id),
                    day INTEGER NOT NULL,
                    mastered INTEGER NOT NULL,
                    total INTEGER NOT NULL,
                    PRIMARY KEY (module_id, day)
                ) WITHOUT ROWID;
                CREATE INDEX card_leech ON card(lapses DESC, ease) WHERE retired = 0 AND lapses > 0;
                CREATE TABLE study_day (
                    day INTEGER PRIMARY KEY,
                    answers INTEGER NOT NULL,
                    correct INTEGER NOT NULL,
                    duration_ms INTEGER NOT NULL
                );
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        // Answers the learner accepted with `:accept`: their own, kept apart from the deck's so a deck update
        // (which rewrites card.answers) never drops them.
        migrator.registerMigration("learner-accepted-answers") { db in
            try db.execute(sql: """
                CREATE TABLE learner_answer (
                    card_id TEXT NOT NULL REFERENCES card(id),
                    answer TEXT NOT NULL,
                    added_at REAL NOT NULL,
                    PRIMARY KEY (card_id, answer)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("fsrs-memory") { db in
            try db.execute(sql: """
                ALTER TABLE card ADD COLUMN sm2_due INTEGER;
                ALTER TABLE card ADD COLUMN fsrs_stability REAL;
                ALTER TABLE card ADD COLUMN fsrs_difficulty REAL;
                ALTER TABLE card ADD COLUMN fsrs_due INTEGER;
                UPDATE card SET sm2_due = due, fsrs_due = due;
                ALTER TABLE review_log ADD COLUMN sm2_due_before INTEGER;
                ALTER TABLE review_log ADD COLUMN fsrs_stability_before REAL;
                ALTER TABLE review_log ADD COLUMN fsrs_difficulty_before REAL;
                ALTER TABLE review_log ADD COLUMN fsrs_due_before INTEGER;
                UPDATE review_log SET sm2_due_before = due_before, fsrs_due_before = due_before;
                """)
            try FSRSReplay.run(db)
        }
        // `quiz ports` finds its table's cards without reading the others.
        migrator.registerMigration("index-cards-by-table") { db in
            try db.execute(sql: "CREATE INDEX card_by_table ON card(table_name, position) WHERE table_name IS NOT NULL AND retired = 0 AND suspended = 0")
        }
        // Labs: the `lab` table marks which cards are labs (card.mode's v1 CHECK allows only typed and reveal, so a
        // lab card is a reveal card named here), and review_log.kind widens to 'lab' (a CHECK can't be altered in
        // SQLite: the table is rebuilt from its current definition, keeping any columns added since v1).
        migrator.registerMigration("labs") { db in
            try db.execute(sql: """
                CREATE TABLE lab (
                    name TEXT PRIMARY KEY,
                    card_id TEXT NOT NULL UNIQUE REFERENCES card(id)
                );
                """)
            try TableRebuild.replace("CHECK (kind IN ('review', 'quiz'))", with: "CHECK (kind IN ('review', 'quiz', 'lab'))",
                                     inTable: "review_log", db)
        }
        // Marks the file as netcards' own (`StoreFile.applicationId`), so no other program adopts it and netcards
        // can tell another program's database apart by its header alone.
        migrator.registerMigration("netcards-application-id") { db in
            try db.execute(sql: "PRAGMA application_id = \(StoreFile.applicationId)")
        }
        // `stats` counts cards by progress and sums their recall from this index alone, never reading card rows.
        migrator.registerMigration("index-card-memory") { db in
            try db.execute(sql: """
                CREATE INDEX card_memory ON card(deck_id, retired, suspended, reps, repeat_today, interval, sm2_due, fsrs_due,
                                                 last_review_day, fsrs_stability)
                """)
        }
        return migrator
    }
}
