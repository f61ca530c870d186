/// An SM-2 grade, 0–5. 0–2 are lapses, 3 a hard pass, 4 good, 5 easy.
public struct Grade: Hashable, Sendable, CustomStringConvertible {
    public let value: Int

    public init?(_ value: Int) {
        guard (0...5).contains(value) else { return nil }
        self.value = value
    }

    public static let again = Grade(1)!
    public static let hard = Grade(3)!
    public static let good = Grade(4)!
    public static let easy = Grade(5)!

    /// Reads what a learner types at the grade prompt: a digit 0–5, or a/h/g/e (again, hard, good, easy).
    public init?(typed: String) {
        switch typed.trimmingCharacters(in: .whitespaces).lowercased() {
        case "a", "again": self = .again
        case "h", "hard": self = .hard
        case "g", "good": self = .good
        case "e", "easy": self = .easy
        case let text: guard let digit = Int(text), let grade = Grade(digit) else { return nil }; self = grade
        }
    }

    public var isPass: Bool { value >= 3 }
    public var description: String { String(value) }
}
