import Foundation

/// What the learner asked of an import, and the clock that turns Anki's days and times into study days.
public struct ImportOptions: Sendable {
    /// `--deck`: every card goes into this deck.
    public var deck: String?
    /// `--module`: every deck joins this module.
    public var module: String?
    /// `--with-history`: carry over each Anki card's schedule and review log.
    public var withHistory: Bool
    public var dayStartHour: Int
    public var timeZone: TimeZone
    /// The moment of the import: no imported review may be dated after it (a day's grace for a clock ahead).
    public var now: Date
    /// Where Anki packages are unpacked (a fresh folder inside it, removed afterwards).
    public var temporaryDirectory: URL
    /// The most an Anki package may unpack to, in bytes: a guard against zip bombs.
    public var maxUnpackedBytes: UInt64

    public init(deck: String? = nil, module: String? = nil, withHistory: Bool = false, dayStartHour: Int = 4,
                timeZone: TimeZone = .current, now: Date = Date(), temporaryDirectory: URL = FileManager.default.temporaryDirectory,
                maxUnpackedBytes: UInt64 = 512 * 1024 * 1024) {
        self.deck = deck
        self.module = module
        self.withHistory = withHistory
        self.dayStartHour = dayStartHour
        self.timeZone = timeZone
        self.now = now
        self.temporaryDirectory = temporaryDirectory
        self.maxUnpackedBytes = maxUnpackedBytes
    }
}
