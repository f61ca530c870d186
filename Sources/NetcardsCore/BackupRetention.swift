/// Which daily backups to keep, like Anki's: the newest 7 days that have one, then the newest backup of each of
/// the 4 weeks (Monday to Sunday) before those that no kept daily backup already covers.
public enum BackupRetention {
    public static let daily = 7
    public static let weekly = 4

    public static func kept(_ days: [StudyDay]) -> Set<StudyDay> {
        let newestFirst = Set(days).sorted(by: >)
        var kept = Set(newestFirst.prefix(daily))
        var weeksCovered = Set(kept.map(week))
        var weeklyKept = 0
        for day in newestFirst.dropFirst(daily) where weeklyKept < weekly && !weeksCovered.contains(week(day)) {
            weeksCovered.insert(week(day))
            kept.insert(day)
            weeklyKept += 1
        }
        return kept
    }

    /// Weeks counted from a Monday (day 0, 1970-01-01, was a Thursday).
    static func week(_ day: StudyDay) -> Int {
        let shifted = day.number + 3
        return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
    }
}
