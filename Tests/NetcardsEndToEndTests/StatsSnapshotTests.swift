import Foundation
import NetcardsTestSupport
import Testing

/// The whole `netcards stats` screen at 80 columns (piped, so without colour) on the known history,
/// compared with Tests/Snapshots/stats-80.txt, which was checked by eye when recorded.
/// Re-record after an intended change with NETCARDS_RECORD_SNAPSHOTS=1, and look at the new file again.
@Suite("netcards stats snapshot")
struct StatsSnapshotTests {
    @Test("the whole screen at 80 columns")
    func screenAt80Columns() throws {
        let sandbox = try StatsHistory.sandbox()
        let text = try sandbox.statsText(env: ["COLUMNS": "80"])
        #expect(!text.containsEscape)
        try Snapshot.check(text, named: "stats-80.txt")
    }

    @Test("the snapshot diff names the lines that differ")
    func diffMessage() {
        let diff = Snapshot.diff(expected: "a\nb \nc\n", actual: "a\nb\nc\nd\n")
        #expect(diff == """
            line 2 - b ⏎
            line 2 + b⏎
            line 4 - ⏎
            line 4 + d⏎
            line 5 - (none)
            line 5 + ⏎
            """)
    }
}
