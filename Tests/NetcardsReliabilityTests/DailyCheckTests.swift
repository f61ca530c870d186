import Foundation
import NetcardsTestSupport
import Testing

extension Reliability {
    /// The first command of each study day runs SQLite's quick check and writes the day's backup into
    /// `backups/` beside the store, keeping 7 daily and 4 weekly ones.
    @Suite struct DailyCheck {
        static func morning(_ iso: String) -> [String: String] { ["NETCARDS_NOW": "\(iso)T09:00:00Z"] }

        /// The backup files.
        func backupNames(_ sandbox: Sandbox) -> [String] {
            files(in: sandbox.root.appendingPathComponent("backups"), startingWith: "").filter { $0.hasSuffix(".sqlite") }
        }

        @Test("the day's first command writes one backup, a whole store; later commands that day write none")
        func oneBackupADay() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            #expect(backupNames(sandbox) == ["netcards-2026-11-28.sqlite"])
            let backup = sandbox.path("backups/netcards-2026-11-28.sqlite")
            let cardsAtCreation = try sandbox.cards().count
            #expect(try sandbox.cards(db: .at(backup)).count == cardsAtCreation, "the backup holds the bundled decks")

            let review = try sandbox.run(["review", "--new", "2"], stdin: goodGrades(2))
            #expect(review.status == 0, "\(review)")
            let modified = try FileManager.default.attributesOfItem(atPath: backup)[.modificationDate] as? Date
            let again = try sandbox.run(["stats"])
            #expect(again.status == 0, "\(again)")
            #expect(try FileManager.default.attributesOfItem(atPath: backup)[.modificationDate] as? Date == modified)

            // Next morning: a new backup, holding yesterday's two answers.
            let next = try sandbox.run(["stats"], env: Self.morning("2026-11-29"))
            #expect(next.status == 0, "\(next)")
            #expect(backupNames(sandbox) == ["netcards-2026-11-28.sqlite", "netcards-2026-11-29.sqlite"])
            #expect(try sandbox.cards(db: .at(sandbox.path("backups/netcards-2026-11-29.sqlite"))).filter { $0.reps >= 1 }.count == 2)
            if SQLite3.isInstalled {
                #expect(try SQLite3.query(sandbox.path("backups/netcards-2026-11-29.sqlite"), "PRAGMA integrity_check", in: sandbox) == "ok")
            }
            #expect(files(in: sandbox.root.appendingPathComponent("backups"), startingWith: ".").isEmpty, "no temp file left")
        }

        @Test("a backup opened with --db says it is one and is not backed up itself (no backups/backups/)")
        func backupOpenedDirectly() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let backup = sandbox.path("backups/netcards-2026-11-28.sqlite")
            for morning in [fixedNow, "2026-11-29T09:00:00Z"] {
                let look = try sandbox.run(["decks"], env: ["NETCARDS_NOW": morning], db: .at(backup))
                #expect(look.status == 0 && look.stdout.contains("protocols"), "\(look)")
                #expect(look.stderr.contains("\(backup) is one of the daily backups: no backup is made of it"), "\(look)")
                #expect(look.stderr.contains("netcards restore \(backup)"), "\(look)")
            }
            #expect(!FileManager.default.fileExists(atPath: sandbox.path("backups/backups")), "a backup of the backup")
            #expect(backupNames(sandbox) == ["netcards-2026-11-28.sqlite"])
            let ownStore = try sandbox.run(["decks"])
            #expect(!ownStore.stderr.contains("daily backups"), "the store itself is no backup: \(ownStore)")
        }

        @Test("a month of mornings: 7 daily and 4 weekly backups are kept")
        func retention() throws {
            let sandbox = try Sandbox()
            for day in 1...30 {
                let result = try sandbox.run([], env: Self.morning(String(format: "2026-11-%02d", day)))
                try #require(result.status == 0, "\(result)")
            }
            // 30 Nov 2026 is a Monday: the daily ones are 24–30, then the newest of the weeks starting 16, 9, 2 Nov
            // and 26 Oct (23 Nov's week already has daily ones).
            let expected = [1, 8, 15, 22, 24, 25, 26, 27, 28, 29, 30].map { String(format: "netcards-2026-11-%02d.sqlite", $0) }
            #expect(backupNames(sandbox) == expected)
        }

        @Test("a damaged page: the next day's review is refused before any card, naming the newest good backup",
              .enabled(if: SQLite3.isInstalled, "needs sqlite3 to find the page to damage"))
        func damagedStoreRefused() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let review = try sandbox.run(["review", "--new", "2"], stdin: goodGrades(2))
            try #require(review.status == 0, "\(review)")
            try Self.damageAPage(sandbox)
            let damaged = try bytes(of: sandbox.storePath)

            let next = try sandbox.run(["review", "--new", "2"], stdin: goodGrades(2), env: Self.morning("2026-11-29"))
            #expect(next.status == 1 && !next.killedBySignal, "\(next)")
            #expect(next.stderr.contains(sandbox.storePath) && next.stderr.contains("damaged"), "\(next)")
            #expect(next.stderr.contains(sandbox.path("backups/netcards-2026-11-28.sqlite")), "\(next)")
            #expect(next.stderr.contains("netcards restore"), "\(next)")
            #expect(!next.stdout.contains("next in") && !next.stdout.contains("answer>"), "no card shown, no grade taken: \(next)")
            #expect(try bytes(of: sandbox.storePath) == damaged)
            #expect(backupNames(sandbox) == ["netcards-2026-11-28.sqlite"], "no backup of a damaged store")
        }

        /// Overwrites the page of an index `review` never reads (the leech index) with a broken b-tree page: the
        /// store still opens and reviews, only a check of the whole file finds it.
        static func damageAPage(_ sandbox: Sandbox) throws {
            _ = try SQLite3.query(sandbox.storePath, "PRAGMA wal_checkpoint(TRUNCATE)", in: sandbox)
            let page = try #require(Int(try SQLite3.query(sandbox.storePath, "SELECT rootpage FROM sqlite_master WHERE name = 'card_leech'", in: sandbox)))
            let pageSize = try #require(Int(try SQLite3.query(sandbox.storePath, "PRAGMA page_size", in: sandbox)))
            let handle = try #require(FileHandle(forUpdatingAtPath: sandbox.storePath))
            try handle.seek(toOffset: UInt64((page - 1) * pageSize))
            // A leaf index page claiming 5 cells whose content starts past the page's end.
            try handle.write(contentsOf: Data([0x0A, 0xFF, 0xFF, 0x00, 0x05]) + Data(repeating: 0xEE, count: 200))
            try handle.close()
            #expect(try SQLite3.query(sandbox.storePath, "PRAGMA quick_check", in: sandbox) != "ok", "the page is damaged")
        }
    }
}
