import Foundation

/// A study day: the calendar day a moment belongs to once the day is taken to start at
/// `dayStartHour` local time (04:00 by default), so a review at 01:00 counts for the day before.
/// Stored as a day number: days since 1970-01-01.
public struct StudyDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let number: Int

    public init(number: Int) { self.number = number }

    public init(_ date: Date, dayStartHour: Int, timeZone: TimeZone = .current) {
        // Compare the local wall-clock hour, not elapsed hours: days with a clock change are 23 or 25 hours long.
        var local = Calendar(identifier: .gregorian)
        local.timeZone = timeZone
        let parts = local.dateComponents([.year, .month, .day, .hour], from: date)
        let calendarDay = StudyDay(year: parts.year!, month: parts.month!, day: parts.day!)
        self = parts.hour! < dayStartHour ? calendarDay.adding(days: -1) : calendarDay
    }

    public init(year: Int, month: Int, day: Int) {
        // Days from civil (Howard Hinnant's algorithm): exact, no calendar objects needed.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146097 + doe - 719468
    }

    /// Parses YYYY-MM-DD.
    public init?(iso: String) {
        let parts = iso.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
        guard self.iso == String(format: "%04d-%02d-%02d", y, m, d) else { return nil }
    }

    public var iso: String {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(Self.zeroPadded(year, to: 4))-\(Self.zeroPadded(month, to: 2))-\(Self.zeroPadded(day, to: 2))"
    }

    /// What `String(format: "%0*d")` gives, without Foundation's formatter (the day's backup name is read on every command).
    private static func zeroPadded(_ value: Int, to width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    public var description: String { iso }

    /// Saturates at `StudyDay.earliest` and `.latest` instead of overflowing, however far a stored interval reaches.
    public func adding(days: Int) -> StudyDay {
        StudyDay(number: Swift.min(Swift.max(number.addingSaturated(days), Self.earliest.number), Self.latest.number))
    }

    /// The range of days date arithmetic keeps to: about ±2.7 million years, every day of it printable.
    public static let earliest = StudyDay(number: -1_000_000_000)
    public static let latest = StudyDay(number: 1_000_000_000)

    public static func < (lhs: StudyDay, rhs: StudyDay) -> Bool { lhs.number < rhs.number }
    /// Days from `rhs` to `lhs`, saturating.
    public static func - (lhs: StudyDay, rhs: StudyDay) -> Int {
        let (difference, overflow) = lhs.number.subtractingReportingOverflow(rhs.number)
        return overflow ? (lhs.number > rhs.number ? Int.max : Int.min) : difference
    }
}

/// Where "now" comes from: the system clock in the app, a fixed moment in tests.
public struct StudyClock: Sendable {
    public var now: @Sendable () -> Date
    public var dayStartHour: Int
    public var timeZone: TimeZone

    public init(dayStartHour: Int = 4, timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
        self.dayStartHour = dayStartHour
        self.timeZone = timeZone
    }

    public var today: StudyDay { StudyDay(now(), dayStartHour: dayStartHour, timeZone: timeZone) }
}
