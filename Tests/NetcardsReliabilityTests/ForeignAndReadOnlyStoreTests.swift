import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Reliability {
    /// Files netcards may not write are refused before anything is shown or created beside them.
    @Suite struct ForeignAndReadOnlyStores {
        @Test("a read-only store file: refused before any card, no -shm left; writable again after chmod")
        func readOnlyStoreFile() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            #expect(files(in: sandbox.root, startingWith: "netcards.sqlite") == ["netcards.sqlite"])
            #expect(chmod(sandbox.storePath, 0o444) == 0)
            let before = try bytes(of: sandbox.storePath)

            let review = try sandbox.run(["review", "--new", "1"], stdin: goodGrades(1))
            #expect(review.status == 1, "\(review)")
            #expect(review.stderr.contains(sandbox.storePath) && review.stderr.contains("read-only"), "\(review)")
            #expect(review.stdout.isEmpty, "no card shown: \(review)")
            #expect(try bytes(of: sandbox.storePath) == before)
            #expect(files(in: sandbox.root, startingWith: "netcards.sqlite") == ["netcards.sqlite"], "no -shm or -wal left")

            #expect(chmod(sandbox.storePath, 0o644) == 0)
            let writable = try sandbox.run(["review", "--new", "1"], stdin: goodGrades(1))
            #expect(writable.status == 0 && writable.stdout.contains("next in"), "\(writable)")
        }

        @Test("another program's database (WAL, or empty with its own application_id): refused, untouched, nothing beside it",
              .enabled(if: SQLite3.isInstalled, "needs sqlite3 to write another program's database"))
        func foreignDatabases() throws {
            let sandbox = try Sandbox()
            let wal = sandbox.path("recipes.db")
            _ = try SQLite3.query(wal, "PRAGMA journal_mode = WAL; CREATE TABLE recipe(name TEXT); INSERT INTO recipe VALUES ('bread')", in: sandbox)
            let empty = sandbox.path("geo.gpkg")
            _ = try SQLite3.query(empty, "PRAGMA application_id = 1196444487", in: sandbox)

            for file in [wal, empty] {
                let before = try bytes(of: file)
                let name = (file as NSString).lastPathComponent
                for command in [["stats"], ["review"], ["backup", sandbox.path("copy.sqlite")]] {
                    let result = try sandbox.run(command, stdin: goodGrades(1), db: .at(file))
                    #expect(result.status == 1, "\(command) on \(name): \(result)")
                    #expect(result.stderr.contains(file) && result.stderr.contains("another program"), "\(result)")
                }
                #expect(try bytes(of: file) == before)
                #expect(files(in: sandbox.root, startingWith: name) == [name], "nothing beside \(name)")
            }
            #expect(!FileManager.default.fileExists(atPath: sandbox.path("backups")))
        }
    }
}
