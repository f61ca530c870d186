import Foundation
import GRDB
import NetcardsCore

/// The settings the store itself needs to record an answer: which scheduler is active and FSRS's desired retention.
public enum SchedulerSetting {
    public static let scheduler = "scheduler"
    public static let desiredRetention = "desired-retention"

    static func schedulers(_ db: Database) throws -> Schedulers {
        let kind = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [scheduler])
            .flatMap(SchedulerKind.init(rawValue:)) ?? .sm2
        let retention = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [desiredRetention])
            .flatMap(Double.init) ?? FSRS.defaultDesiredRetention
        return Schedulers(active: kind, desiredRetention: retention)
    }
}

extension NetcardsStore {
    public func schedulers() throws(StoreError) -> Schedulers {
        try read { db in try SchedulerSetting.schedulers(db) }
    }

    /// Makes `kind` the scheduler that sets due days: every card's due day becomes the one that scheduler
    /// already keeps, so the switch is instant and either way loses nothing.
    public func setScheduler(_ kind: SchedulerKind, today: StudyDay) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [SchedulerSetting.scheduler, kind.rawValue])
            try db.execute(sql: "UPDATE card SET due = \(kind == .fsrs ? "fsrs_due" : "sm2_due") WHERE due IS NOT \(kind == .fsrs ? "fsrs_due" : "sm2_due")")
            try Self.refreshMastery(db, today: today)
        }
    }
}
