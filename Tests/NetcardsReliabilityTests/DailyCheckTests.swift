import Foundation
import Testing

extension Reliability {
    /// The first command of each study day runs SQLite's quick check and writes the day's backup into
    /// `backups/` beside the store, keeping 7 daily and 4 weekly ones.
    @Suite struct DailyCheck {
        static func morning(_ iso: String) -> [String: String] { ["NETCARDS_NOW": "\(iso)T09:00:00Z"] }

        /// The backup files (opening a backup with --db, as `cards(db:)` does, gives it a backups folder of its own).
        func backupNames(_ sandbox: Sandbox) -> [String] {
            files(in: sandbox.folder.appendingPathComponent("backups"), startingWith: "").filter { $0.hasSuffix(".sqlite") }
        }

        @Test("the day's first command writes one backup, a whole store; later commands that day write none")
        func oneBackupADay() async throws {
            let sandbox = try Sandbox()
            try await sandbox.createStore()
            #expect(backupNames(sandbox) == ["netcards-2026-11-28.sqlite"])
            let backup = sandbox.path("backups/netcards-2026-11-28.sqlite")
            let cardsAtCreation = try await sandbox.cards().count
            #expect(try await sandbox.cards(db: backup).count == cardsAtCreation, "the backup holds the bundled decks")

            let review = try await sandbox.run(["review", "--new", "2"], input: goodGrades(2))
            #expect(review.status == 0, "\(review)")
            let modified = try FileManager.default.attributesOfItem(atPath: backup)[.modificationDate] as? Date
            let again = try await sandbox.run(["stats"])
            #expect(again.status == 0, "\(again)")
            #expect(try FileManager.default.attributesOfItem(atPath: backup)[.modificationDate] as? Date == modified)

            // Next morning: a new backup, holding yesterday's two answers.
            let next = try await sandbox.run(["stats"], environment: Self.morning("2026-11-29"))
            #expect(next.status == 0, "\(next)")
            #expect(backupNames(sandbox) == ["netcards-2026-11-28.sqlite", "netcards-2026-11-29.sqlite"])
            #expect(try await sandbox.cards(db: sandbox.path("backups/netcards-2026-11-29.sqlite")).filter { $0.reps >= 1 }.count == 2)
            if SQLite3.isInstalled {
                #expect(try await SQLite3.query(sandbox.path("backups/netcards-2026-11-29.sqlite"), "PRAGMA integrity_check", in: sandbox) == "ok")
            }
            #expect(files(in: sandbox.folder.appendingPathComponent("backups"), startingWith: ".").isEmpty, "no temp file left")
        }

        @Test("a month of mornings: 7 daily and 4 weekly backups are kept")
        func retention() async throws {
            let sandbox = try Sandbox()
            for day in 1...30 {
                let result = try await sandbox.run([], environment: Self.morning(String(format: "2026-11-%02d", day)))
                try #require(result.status == 0, "\(result)")
            }
            // 30 Nov 2026 is a Monday: the daily ones are 24–30, then the newest of the weeks starting 16, 9, 2 Nov
            // and 26 Oct (23 Nov's week already has daily ones).
            let expected = [1, 8, 15, 22, 24, 25, 26, 27, 28, 29, 30].map { String(format: "netcards-2026-11-%02d.sqlite", $0) }
            #expect(backupNames(sandbox) == expected)
        }

        @Test("a damaged page: the next day's review is refused before any card, naming the newest good backup",
              .enabled(if: SQLite3.isInstalled, "needs sqlite3 to find the page to damage"))
        func damagedStoreRefused() async throws {
            let sandbox = try Sandbox()
            try await sandbox.createStore()
            let review = try await sandbox.run(["review", "--new", "2"], input: goodGrades(2))
            try #require(review.status == 0, "\(review)")
            try await Self.damageAPage(sandbox)
            let damaged = try bytes(of: sandbox.store)

            let next = try await sandbox.run(["review", "--new", "2"], input: goodGrades(2), environment: Self.morning("2026-11-29"))
            #expect(next.status == 1 && !next.killedBySignal, "\(next)")
            #expect(next.stderr.contains(sandbox.store) && next.stderr.contains("damaged"), "\(next)")
            #expect(next.stderr.contains(sandbox.path("backups/netcards-2026-11-28.sqlite")), "\(next)")
            #expect(next.stderr.contains("netcards restore"), "\(next)")
            #expect(!next.stdout.contains("next in") && !next.stdout.contains("answer>"), "no card shown, no grade taken: \(next)")
            #expect(try bytes(of: sandbox.store) == damaged)
            #expect(backupNames(sandbox) == ["netcards-2026-11-28.sqlite"], "no backup of a damaged store")
        }

        /// Overwrites the page of an index `review` never reads (the leech index) with a broken b-tree page: the
        /// store still opens and reviews, only a check of the whole file finds it.
        static func damageAPage(_ sandbox: Sandbox) async throws {
            _ = try await SQLite3.query(sandbox.store, "PRAGMA wal_checkpoint(TRUNCATE)", in: sandbox)
            let page = try #require(Int(try await SQLite3.query(sandbox.store, "SELECT rootpage FROM sqlite_master WHERE name = 'card_leech'", in: sandbox)))
            let pageSize = try #require(Int(try await SQLite3.query(sandbox.store, "PRAGMA page_size", in: sandbox)))
            let handle = try #require(FileHandle(forUpdatingAtPath: sandbox.store))
            try handle.seek(toOffset: UInt64((page - 1) * pageSize))
            // A leaf index page claiming 5 cells whose content starts past the page's end.
            try handle.write(contentsOf: Data([0x0A, 0xFF, 0xFF, 0x00, 0x05]) + Data(repeating: 0xEE, count: 200))
            try handle.close()
            #expect(try await SQLite3.query(sandbox.store, "PRAGMA quick_check", in: sandbox) != "ok", "the page is damaged")
        }
    }
}
