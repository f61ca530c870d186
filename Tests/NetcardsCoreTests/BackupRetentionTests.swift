import Testing
import NetcardsCore

@Suite("Which daily backups are kept")
struct BackupRetentionTests {
    func november(_ days: ClosedRange<Int>) -> [StudyDay] { days.map { StudyDay(year: 2026, month: 11, day: $0) } }

    @Test func aMonthOfDailyBackupsKeepsTheLastSevenDaysAndOnePerWeekForFourWeeksBefore() {
        // 2026-11-30 is a Monday. The newest seven (24th–30th) cover the weeks starting 30 Nov and 23 Nov;
        // before them come the weeks of 16, 9 and 2 Nov and 26 Oct, each kept by its newest day.
        let kept = BackupRetention.kept(november(1...30))
        #expect(kept == Set(november(24...30) + november(22...22) + november(15...15) + november(8...8) + november(1...1)))
    }

    @Test func fewerThanSevenBackupsAreAllKept() {
        let sporadic = november(1...1) + november(10...10) + november(20...20)
        #expect(BackupRetention.kept(sporadic) == Set(sporadic))
    }

    @Test func weeklyBackupsSkipWeeksADailyOneAlreadyCovers() {
        // Daily backups on the 12th–18th (Thursday to Wednesday), and older ones every day from the 1st: the
        // 9th–11th share the week of the 12th (Monday 9 Nov), so the weeks kept are those of 2 Nov and 26 Oct.
        let kept = BackupRetention.kept(november(1...18))
        #expect(kept == Set(november(12...18) + november(8...8) + november(1...1)))
    }
}
