import Foundation
import NetcardsTestSupport
import Testing

@Suite("Status, exit codes and where the store lives")
struct CommandLineTests {
    @Test("netcards with no command shows due, new and streak, and points at netcards review")
    func status() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run([])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("netcards · 2026-11-28"))
        #expect(result.stdout.contains("due today      0"))
        #expect(result.stdout.contains("new available  20"))
        #expect(result.stdout.contains("streak         0 days"))
        #expect(result.stdout.contains("netcards review"))
    }

    @Test("the status counts a review: the next day one card is due and the streak is 1 day")
    func statusAfterAReview() throws {
        let sandbox = try Sandbox()
        let card = try #require(try sandbox.cards(["--deck", "protocols"]).first)
        let review = try sandbox.run(["review", "--deck", "protocols", "--new", "1"], stdin: "\(card.back)\n5\n")
        #expect(review.status == 0, "\(review)")

        let nextDay = try sandbox.run([], env: ["NETCARDS_NOW": "2026-11-29T09:00:00Z"])
        #expect(nextDay.status == 0, "\(nextDay)")
        #expect(nextDay.stdout.contains("due today      1"))
        #expect(nextDay.stdout.contains("streak         1 day\n"))
        #expect(nextDay.stdout.contains("netcards review"))
    }

    @Test("an unknown option is a usage error: exit 2", arguments: [["--bogus"], ["review", "--bogus"], ["cards", "--frobnicate"]])
    func unknownOption(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(arguments.last!), "the message names the option")
        #expect(result.stdout.isEmpty)
    }

    @Test("--deck with an unknown name: exit 1 and a message listing the decks", arguments: [["review"], ["cards"]])
    func unknownDeck(command: [String]) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(command + ["--deck", "nosuch"], stdin: "")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("nosuch"))
        for deck in try DeckSources.parsed().map(\.name) {
            #expect(result.stderr.contains(deck), "the message lists deck \(deck)")
        }
    }

    @Test("a store path that is a text file: exit 1, the message names the file, the file is unchanged")
    func storeIsATextFile() throws {
        let sandbox = try Sandbox()
        let notes = sandbox.path("notes.txt")
        let text = Data("my networking notes\nport 22 is ssh\n".utf8)
        try text.write(to: URL(fileURLWithPath: notes))

        for command in [["decks"], ["review"], []] {
            let result = try sandbox.run(command + ["--db", notes], db: .unnamed)
            #expect(result.status == 1, "\(command): \(result)")
            #expect(result.stderr.contains(notes), "\(command): the message names the file")
            #expect(result.stdout.isEmpty, "\(command)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == text)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).filter { $0.hasPrefix("notes.txt") }
        #expect(leftovers == ["notes.txt"], "no -wal, -shm or backup files beside it")
    }

    @Test("NETCARDS_DB chooses the store when there is no --db")
    func environmentStore() throws {
        let sandbox = try Sandbox()
        let fromEnvironment = sandbox.path("from-env/netcards.sqlite")
        let card = try #require(try sandbox.cards(["--deck", "protocols"], env: ["NETCARDS_DB": fromEnvironment], db: .unnamed).first)
        let review = try sandbox.run(["review", "--deck", "protocols", "--new", "1"], stdin: "\(card.back)\n5\n",
                                     env: ["NETCARDS_DB": fromEnvironment], db: .unnamed)
        #expect(review.status == 0, "\(review)")

        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
        #expect(!FileManager.default.fileExists(atPath: sandbox.defaultStorePath), "the default store is left alone")
        #expect(try sandbox.cards(env: ["NETCARDS_DB": fromEnvironment], db: .unnamed)[id: card.id]?.reps == 1)
    }

    @Test("--db wins over NETCARDS_DB")
    func optionBeatsEnvironment() throws {
        let sandbox = try Sandbox()
        let fromEnvironment = sandbox.path("from-env.sqlite")
        let card = try #require(try sandbox.cards(["--deck", "protocols"]).first)
        let review = try sandbox.run(["review", "--deck", "protocols", "--new", "1"], stdin: "\(card.back)\n5\n",
                                     env: ["NETCARDS_DB": fromEnvironment])
        #expect(review.status == 0, "\(review)")

        #expect(try sandbox.cards()[id: card.id]?.reps == 1, "the --db store has the grade")
        #expect(!FileManager.default.fileExists(atPath: fromEnvironment), "NETCARDS_DB's store is never created")
    }

    @Test("without --db or NETCARDS_DB the store goes to $XDG_DATA_HOME/netcards/netcards.sqlite")
    func defaultStore() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["decks"], db: .unnamed)
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: sandbox.defaultStorePath))
    }
}
