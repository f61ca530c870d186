import Foundation
import GRDB
import NetcardsCore

/// The daily backups of one store, in the `backups` folder beside it, named `STORE-YYYY-MM-DD.sqlite` after the
/// study day they were taken on. The newest name is also how netcards knows the day's first command has run:
/// there is no other record of it.
public struct StoreBackups: Sendable {
    public struct Backup: Sendable, Equatable {
        public let path: String
        public let day: StudyDay
        public let bytes: Int
    }

    public let folder: String
    private let stem: String

    public init(storePath: String) {
        let storeFolder = (storePath as NSString).deletingLastPathComponent
        folder = ((storeFolder.isEmpty ? "." : storeFolder) as NSString).appendingPathComponent("backups")
        stem = ((storePath as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// True for a file named as a daily backup (`STORE-YYYY-MM-DD.sqlite`) in a folder named `backups`: a store
    /// opened from there is a look into the past, and backing it up would only nest `backups/backups/`.
    public static func isBackup(_ storePath: String) -> Bool {
        let folder = ((storePath as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let name = (storePath as NSString).lastPathComponent
        guard folder == "backups", name.hasSuffix(".sqlite") else { return false }
        let stem = name.dropLast(".sqlite".count)
        return stem.count > 11 && stem.dropLast(10).hasSuffix("-") && StudyDay(iso: String(stem.suffix(10))) != nil
    }

    public func path(for day: StudyDay) -> String {
        (folder as NSString).appendingPathComponent("\(stem)-\(day.iso).sqlite")
    }

    /// Newest first.
    public func list() -> [Backup] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> Backup? in
            guard name.hasPrefix(stem + "-"), name.hasSuffix(".sqlite") else { return nil }
            guard let day = StudyDay(iso: String(name.dropFirst(stem.count + 1).dropLast(".sqlite".count))) else { return nil }
            let path = (folder as NSString).appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return Backup(path: path, day: day, bytes: size)
        }.sorted { $0.day > $1.day }
    }

    /// The first command of a study day finds no backup named after it (one look-up, not a listing: every command asks).
    public func isFirstCommand(of today: StudyDay) -> Bool {
        !FileManager.default.fileExists(atPath: path(for: today))
    }

    /// The newest backup that passes SQLite's quick check, if any.
    public func newestSound() -> Backup? {
        list().first { (try? StoreFile.peek($0.path) { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }) == "ok" }
    }

    /// Writes today's backup of `store` (whole or not at all), then removes those the retention rule lets go.
    public func write(_ store: NetcardsStore, today: StudyDay) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.cannotOpen, "cannot create the backups folder \(folder): \(error.localizedDescription)")
        }
        try SafeFile.write(to: .path(path(for: today)), overwrite: true) { temp in
            try store.writer.backup(to: try DatabaseQueue(path: temp))
        }
        let all = list()
        let kept = BackupRetention.kept(all.map(\.day))
        for backup in all where !kept.contains(backup.day) {
            try? FileManager.default.removeItem(atPath: backup.path)
        }
    }
}
