import Foundation
import NetcardsTestSupport
import Testing

/// `netcards import` of Anki packages with values Anki never writes (Tests/Fixtures/import/README.md): a clear
/// error and exit 1, never a crash, and nothing left in the temporary folder.
@Suite("Import of hostile Anki packages")
struct HostileImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Fixtures/import")

    @Test("NULL and wrong-typed columns: exit 1 naming each note, the temporary folder left empty")
    func badValues() throws {
        let sandbox = try Sandbox()
        let tmp = sandbox.path("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let package = Self.fixtures.appending(path: "bad-values.apkg").path
        let result = try sandbox.run(["import", "--with-history", package], env: ["TMPDIR": tmp])
        #expect(result.status == 1, "\(result)")
        for line in ["note 1767225600000: the note: `flds` is NULL, not text",
                     "note 1767225600002: the note: `guid` is the number 42, not text",
                     "note 1767225600004: its card 1767225600005: `ivl` is the text \"abc\", not a whole number",
                     "note 1767225600006: its card 1767225600007: `due` is the number 1.5, not a whole number"] {
            #expect(result.stderr.contains("\(package): \(line)"), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
        #expect(try sandbox.cards().allSatisfy { $0.deck != "networking-ports" })
    }

    @Test("2^62 intervals and times: imported clamped, then reviewed and shown in stats")
    func hugeSchedule() throws {
        let sandbox = try Sandbox()
        let package = Self.fixtures.appending(path: "huge-schedule.apkg").path
        let imported = try sandbox.run(["import", "--with-history", package])
        #expect(imported.status == 0, "\(imported)")
        let ssh = try #require(try sandbox.cards()[id: "networking-ports/guid-ssh"])
        #expect(ssh.interval == 36_500)
        #expect(ssh.ease == 10)
        // Due 36,500 days after the sandbox's today (2126-11-04): review it then, with no new cards.
        let review = try sandbox.run(["review", "--deck", "networking-ports", "--new", "0"], stdin: "22\n4\n",
                                     env: ["NETCARDS_NOW": "2127-01-01T12:00:00Z"])
        #expect(review.status == 0, "\(review)")
        #expect(review.stdout.contains("Reviewed 1 card"), "\(review.stdout)")
        // The day of the answer whose time was 2^62 ms: one answer of an hour (the clamp), not an overflow.
        let stats = try sandbox.run(["stats", "--json"], env: ["NETCARDS_NOW": "2026-01-22T12:00:00Z"])
        #expect(stats.status == 0, "\(stats)")
        #expect(stats.stdout.contains("\"seconds\":3600") || stats.stdout.contains("\"seconds\" : 3600"), "\(stats.stdout)")
    }
}
