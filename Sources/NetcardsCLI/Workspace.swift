import DeckHashing
import Foundation
import NetcardsCore
import NetcardsDecks
import NetcardsLab
import NetcardsStore
import NetcardsTerminal

/// What every command starts from: the learner's store (opened, migrated, bundled decks up to date),
/// the clock, and the output style.
struct Workspace {
    let store: NetcardsStore
    let clock: StudyClock
    let style: Style
    let environment: [String: String]

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.environment = environment
        let path = try StorePath.resolve(option: options.db, environment: environment)
        store = try NetcardsStore(path: path, whileLocked: Self.lockWait(path: path))
        let dayStart = ArgumentRanges.clamped(Int(try store.setting(Setting.dayStartHour) ?? "") ?? 4, to: ArgumentRanges.dayStartHour)
        clock = try Self.clock(dayStartHour: dayStart, environment: environment)
        style = Style(colored: options.color.enabled(environment: environment))
        let firstOfTheDay = try FirstCommandOfTheDay.check(store: store, today: clock.today)
        try BundledDeckSync.run(store: store, today: clock.today)
        if firstOfTheDay { FirstCommandOfTheDay.backUp(store: store, today: clock.today) }
    }

    /// A write waits for another netcards as long as it takes, saying so after a second; a caught Ctrl-C
    /// (review and quiz catch it) stops the wait, with nothing written.
    private static func lockWait(path: String) -> LockWait {
        LockWait(announce: {
            TerminalOutput.standardError.line("netcards: waiting for another netcards to finish writing to \(path) … (Ctrl-C stops)")
        }, keepWaiting: { LineReaders.pendingSignal == 0 })
    }

    /// NETCARDS_NOW (ISO 8601) fixes the clock: for tests and for trying out a schedule.
    private static func clock(dayStartHour: Int, environment: [String: String]) throws -> StudyClock {
        guard let fixed = environment["NETCARDS_NOW"] else { return StudyClock(dayStartHour: dayStartHour) }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: fixed) else {
            throw UserError("NETCARDS_NOW=\(fixed) is not an ISO 8601 time like 2026-11-28T09:00:00Z — fix or unset it")
        }
        return StudyClock(dayStartHour: dayStartHour, now: { date })
    }

    func newCardsPerDay() throws -> Int {
        ArgumentRanges.clamped(Int(try store.setting(Setting.newPerDay) ?? "") ?? 20, to: ArgumentRanges.newCards)
    }
}

enum Setting {
    static let dayStartHour = "day-start-hour"
    static let newPerDay = "new-per-day"
    static let scheduler = SchedulerSetting.scheduler
    static let desiredRetention = SchedulerSetting.desiredRetention
    static let all = [dayStartHour: "hour (0-23) a study day starts, local time (default 4)",
                      newPerDay: "new cards introduced per day (0-10000, default 20)",
                      scheduler: "sm2 or fsrs: which one sets due days; both always learn from every answer (default sm2)",
                      desiredRetention: "0.70-0.97: the recall FSRS schedules for (default 0.90)"]
    static let defaults = [dayStartHour: "4", newPerDay: "20", scheduler: SchedulerKind.sm2.rawValue,
                           desiredRetention: String(format: "%.2f", FSRS.defaultDesiredRetention)]
}

enum StorePath {
    /// The store is a regular file (or one not made yet): SQLite cannot keep a store in /dev/null, a FIFO or a
    /// folder, and its own error for them ("disk I/O error") would send the learner to try again.
    static func checkStorable(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR:
            throw UserError("\(path) is a folder, not a file netcards can store into — point --db (or NETCARDS_DB) at a file, e.g. \((path as NSString).appendingPathComponent("netcards.sqlite"))")
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFIFO: kind = "a pipe (FIFO)"
        default: kind = "a socket"
        }
        throw UserError("\(path) is \(kind), not a file netcards can store into — point --db (or NETCARDS_DB) at a regular file; it was left untouched")
    }


    static func resolve(option: String?, environment: [String: String]) throws -> String {
        let path: String
        if let option, !option.isEmpty {
            path = option
        } else if let fromEnvironment = environment["NETCARDS_DB"], !fromEnvironment.isEmpty {
            path = fromEnvironment
        } else {
            let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
            path = dataHome + "/netcards/netcards.sqlite"
        }
        try checkStorable(path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                let reason = error.localizedDescription.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                throw UserError("cannot create the folder \(folder) for the store (\(reason)). Choose another place with --db.")
            }
        }
        return path
    }
}

/// Keeps the bundled decks in the store in step with the ones compiled into this binary:
/// a deck whose text changed is reloaded in place, so progress stays with the cards' ids.
enum BundledDeckSync {
    static func run(store: NetcardsStore, today: StudyDay) throws {
        let stored = try store.deckHashes(source: .bundled)
        var changed: [DeckToLoad] = []
        for file in BundledDecks.files {
            if let name = file.deck, stored[name] == file.contentHash { continue }
            let deck = try DeckParser.parse(file.text, file: "Decks/\(file.name)")
            changed.append(DeckToLoad(deck, contentHash: file.contentHash))
        }
        if !changed.isEmpty { try store.load(changed, source: .bundled, today: today) }
        let labs = LabCatalogue.deck
        let labsHash = ContentHash.of(labs)
        if stored[labs.name] != labsHash {
            try store.loadLabDeck(DeckToLoad(labs, contentHash: labsHash),
                                  labs: LabCatalogue.all.map { ($0.name, $0.cardId) }, today: today)
        }
    }
}

extension ContentHash {
    /// Every field of a deck built in code, in order, each ended by a control character no deck text holds.
    /// (`String(describing:)` said the same through reflection, a few milliseconds of every command.)
    static func of(_ deck: DeckDefinition) -> String {
        var text = ""
        func field(_ value: String?) { text += (value ?? "\u{0}") + "\u{1E}" }
        [deck.name, deck.module, deck.title].forEach(field)
        for card in deck.cards {
            [card.id, card.noteKey, card.table, card.template, card.front, card.back, card.mode.rawValue].forEach(field)
            [card.answers, card.tags].forEach { field($0.joined(separator: "\u{1F}")) }
        }
        return of(text)
    }
}
