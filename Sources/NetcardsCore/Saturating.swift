/// Arithmetic on counts and days that come from files and stores netcards did not write: it stops at the ends of
/// `Int` instead of trapping.
extension Int {
    public func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    public func multipliedSaturated(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }

    /// A finite or infinite value turned into an `Int` within `range` (NaN: the lower bound).
    public static func clamped(_ value: Double, to range: ClosedRange<Int>) -> Int {
        guard value > Double(range.lowerBound) else { return range.lowerBound }
        guard value < Double(range.upperBound) else { return range.upperBound }
        return Int(value)
    }
}
