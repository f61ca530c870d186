import NetcardsCore
import NetcardsStore
import NetcardsTerminal

/// The first command of each study day checks the store with SQLite's quick check — refusing a damaged one
/// before it takes a grade — and, once the bundled decks are up to date, writes the day's backup. "First" is read
/// from the backups folder: today's backup is not there yet.
enum FirstCommandOfTheDay {
    /// True on the day's first command, once the store passed the check. A daily backup opened with --db is
    /// neither checked nor backed up: it says what it is instead (restoring it checks it whole).
    static func check(store: NetcardsStore, today: StudyDay) throws -> Bool {
        if StoreBackups.isBackup(store.path) {
            TerminalOutput.standardError.line("netcards: \(store.path) is one of the daily backups: no backup is made of it, and what you change here stays in this copy. `netcards restore \(store.path)` makes it your store again (the current one is saved aside).")
            return false
        }
        let backups = StoreBackups(storePath: store.path)
        guard backups.isFirstCommand(of: today) else { return false }
        let check = try store.quickCheck()
        guard check == "ok" else { throw damaged(store.path, check: check, backups: backups) }
        return true
    }

    /// A backup that cannot be written (a full disk) is reported, not fatal: the command goes on.
    static func backUp(store: NetcardsStore, today: StudyDay) {
        let backups = StoreBackups(storePath: store.path)
        do {
            try backups.write(store, today: today)
        } catch {
            TerminalOutput.standardError.line("netcards: today's backup was not written (\(error)); the next command tries again.")
        }
    }

    static func damaged(_ path: String, check: String, backups: StoreBackups) -> UserError {
        let advice = if let sound = backups.newestSound() {
            "Your newest good backup is \(sound.path) (\(sound.day.iso)): `netcards restore \(sound.path)` puts it back, saving the damaged store aside first (`netcards restore` lists every backup)."
        } else {
            "There is no sound backup in \(backups.folder): copy what you can with `sqlite3 \(path) .recover`, or move the store aside to start afresh."
        }
        return UserError("\(path) is damaged (SQLite's quick check: \(check)); nothing was changed. \(advice)")
    }
}
