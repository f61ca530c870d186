import ArgumentParser
import NetcardsCore

/// The ranges netcards' numbers live in, one definition each: the flags and `config` refuse a value outside
/// them (exit 2, one line naming the flag and the range), and a setting read back from the store is clamped to
/// them. README lists the same ranges.
enum ArgumentRanges {
    /// `review --new` and `config new-per-day`.
    static let newCards = 0...10_000
    /// `config day-start-hour`.
    static let dayStartHour = 0...23
    /// `quiz -n` (a quiz asks at most its pool).
    static let questions = 1...10_000
    /// `quiz --choices`.
    static let choices = 2...9
    /// `config desired-retention`.
    static let desiredRetention = FSRS.desiredRetentionRange

    /// Refuses `value` outside `range`: "--new takes 0 to 10000 (new cards in this run), not -1".
    static func check(_ value: Int, in range: ClosedRange<Int>, flag: String, meaning: String) throws {
        guard !range.contains(value) else { return }
        throw ValidationError("\(flag) takes \(range.lowerBound) to \(range.upperBound) (\(meaning)), not \(value)")
    }

    /// Reads a number flag's value. The flags take the next word whatever it is (so `-n -5` gets the range
    /// message above rather than "unknown option"); another option there (`-n --all`) means the number is
    /// missing, and is refused saying so.
    static func number(_ text: String, flag: String, in range: ClosedRange<Int>, example: String) throws -> Int {
        if let value = Int(text) { return value }
        let numbers = "\(range.lowerBound) to \(range.upperBound)"
        if text.hasPrefix("-"), text.dropFirst().contains(where: { !$0.isNumber }) {
            throw ValidationError("\(flag) needs a number (\(numbers)) and got the option \(text): put the number right after \(flag), as in \(example)")
        }
        throw ValidationError("\(flag) needs a whole number (\(numbers)), not \(text)")
    }

    static func clamped(_ value: Int, to range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}

extension Setting {
    /// `value` checked against the setting's range, in the form it is stored; a ValidationError naming the
    /// setting and its range otherwise.
    static func checked(_ value: String, for key: String) throws -> String {
        switch key {
        case scheduler:
            guard SchedulerKind(rawValue: value) != nil else { throw ValidationError("scheduler is sm2 or fsrs, not \(value)") }
            return value
        case desiredRetention:
            let range = ArgumentRanges.desiredRetention
            guard let retention = Double(value), range.contains(retention) else {
                throw ValidationError("desired-retention takes a number from \(String(format: "%.2f", range.lowerBound)) to \(String(format: "%.2f", range.upperBound)) (the share of cards FSRS aims to have you recall when they come due), not \(value)")
            }
            return value
        default:
            let (range, meaning) = key == dayStartHour ? (ArgumentRanges.dayStartHour, "the hour a study day starts")
                                                       : (ArgumentRanges.newCards, "new cards per day")
            guard let number = Int(value) else {
                throw ValidationError("\(key) takes a whole number from \(range.lowerBound) to \(range.upperBound) (\(meaning)), not \(value)")
            }
            try ArgumentRanges.check(number, in: range, flag: key, meaning: meaning)
            return String(number)
        }
    }
}
