import Foundation
import NetcardsTestSupport
import Testing

/// Numbers on the command line outside their range are usage errors: exit 2, one line naming the flag (or
/// setting) and the range, and nothing run or changed — including values argument-parser used to take for
/// options (`-1`). `review --new` above its range means every new card (PipedReviewTests: the largest count).
@Suite("argument ranges")
struct ArgumentRangeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        /// The flag or setting and the range the message must name.
        var names: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refused: [Case] = [
        Case(arguments: ["review", "--new", "-1"], names: ["--new", "0 to 10000"]),
        Case(arguments: ["review", "--new", "-9223372036854775808"], names: ["--new", "0 to 10000"]),
        Case(arguments: ["quiz", "ports", "-n", "-1"], names: ["-n", "1 to 10000"]),
        Case(arguments: ["quiz", "ports", "-n", "0"], names: ["-n", "1 to 10000"]),
        Case(arguments: ["quiz", "ports", "--choices", "-3"], names: ["--choices", "2 to 9"]),
        Case(arguments: ["quiz", "ports", "--choices", "10"], names: ["--choices", "2 to 9"]),
        Case(arguments: ["config", "new-per-day", "-1"], names: ["new-per-day", "0 to 10000"]),
        Case(arguments: ["config", "new-per-day", "10001"], names: ["new-per-day", "0 to 10000"]),
        Case(arguments: ["config", "new-per-day", "lots"], names: ["new-per-day", "0 to 10000"]),
        Case(arguments: ["config", "day-start-hour", "-1"], names: ["day-start-hour", "0 to 23"]),
        Case(arguments: ["config", "day-start-hour", "24"], names: ["day-start-hour", "0 to 23"]),
        Case(arguments: ["config", "desired-retention", "-0.5"], names: ["desired-retention", "0.70 to 0.97"]),
        Case(arguments: ["config", "desired-retention", "0.99"], names: ["desired-retention", "0.70 to 0.97"]),
    ]

    @Test("out of range: exit 2 and one error line naming the flag and the range", arguments: refused)
    func outOfRange(_ test: Case) throws {
        try expectUsageError(test)
    }

    static let optionForNumber: [Case] = [
        Case(arguments: ["quiz", "ports", "-n", "--all"], names: ["-n needs a number (1 to 10000)", "option --all", "-n 20"]),
        Case(arguments: ["quiz", "ports", "--choices", "--seed", "4"], names: ["--choices needs a number (2 to 9)", "option --seed"]),
        Case(arguments: ["review", "--new", "--deck", "protocols"], names: ["--new needs a number (0 to 10000)", "option --deck"]),
        Case(arguments: ["quiz", "ports", "-n", "ten"], names: ["-n needs a whole number (1 to 10000), not ten"]),
    ]

    /// These flags take the next word whatever it is (so `-1` gets the range message): another option there
    /// means the number was left out, and the message says so instead of calling the option an invalid value.
    @Test("an option or a word where the number goes: exit 2, the flag needs a number", arguments: optionForNumber)
    func optionInPlaceOfNumber(_ test: Case) throws {
        try expectUsageError(test)
    }

    /// Exit 2, one error line naming everything in `test.names`, nothing printed and no store made.
    private func expectUsageError(_ test: Case, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(test.arguments)
        #expect(result.status == 2, "\(result)", sourceLocation: sourceLocation)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1, "\(result)", sourceLocation: sourceLocation)
        for name in test.names { #expect(errors.first?.contains(name) == true, "\(name) missing: \(result)", sourceLocation: sourceLocation) }
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: sandbox.storePath), "nothing ran: \(result)", sourceLocation: sourceLocation)
    }

    @Test("a refused setting leaves the old value; the edges of each range are taken")
    func edgesAccepted() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["config", "new-per-day", "-1"]).status == 2)
        #expect(try sandbox.run(["config", "new-per-day"]).stdout.hasPrefix("new-per-day = 20 "))
        for (key, value) in [("new-per-day", "0"), ("new-per-day", "10000"), ("day-start-hour", "0"), ("day-start-hour", "23"),
                             ("desired-retention", "0.70"), ("desired-retention", "0.97")] {
            let set = try sandbox.run(["config", key, value])
            #expect(set.status == 0 && set.stdout == "\(key) = \(value)\n", "\(set)")
        }
        let review = try sandbox.run(["review", "--deck", "protocols", "--new", "10000"], stdin: "")
        #expect(review.status == 0, "\(review)")
        let quiz = try sandbox.run(["quiz", "ports", "-n", "10000", "--choices", "9"], stdin: "")
        #expect(quiz.status == 0, "\(quiz)")
    }
}
