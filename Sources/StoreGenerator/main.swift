import Foundation
import GRDB
import NetcardsCore
import NetcardsStore

// netcards-generate-store PATH [--cards N] [--decks M] [--answers R] [--seed S]
// Fills a new store for benchmarks: N cards over M decks in five modules, R answers spread over three
// years with realistic grades and states, about 10% of the cards due today. Not a user command.

struct Options {
    var path = ""
    var cards = 100_000
    var decks = 100
    var answers = 1_000_000
    var seed: UInt64 = 1

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--cards": cards = Int(iterator.next() ?? "") ?? cards
            case "--decks": decks = Int(iterator.next() ?? "") ?? decks
            case "--answers": answers = Int(iterator.next() ?? "") ?? answers
            case "--seed": seed = UInt64(iterator.next() ?? "") ?? seed
            default: path = argument
            }
        }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
guard !options.path.isEmpty, !FileManager.default.fileExists(atPath: options.path) else {
    FileHandle.standardError.write(Data("usage: netcards-generate-store NEW-PATH [--cards N] [--decks M] [--answers R] [--seed S]\n".utf8))
    exit(2)
}
var random = SeededGenerator(seed: options.seed)
let today = StudyClock().today
let modules = ["How the internet works", "Ports, protocols, packets & routing", "The pieces in front of your app",
               "The debugging arsenal", "Traffic inside the cloud"]

// 1. Cards, through the store's own loader.
let store = try NetcardsStore(path: options.path)
let perDeck = max(1, options.cards / options.decks)
let decks = (0..<options.decks).map { deckIndex in
    let name = "bench-\(deckIndex)"
    let count = deckIndex == options.decks - 1 ? options.cards - perDeck * (options.decks - 1) : perDeck
    let cards = (0..<count).map { index in
        CardDefinition(id: "\(name)/card-\(index)", noteKey: "\(name)/note-\(index / 2)",
                       front: "Question \(index) of deck \(deckIndex): which port does service-\(index) use?",
                       answers: ["\(1024 + index % 60000)"], mode: .typed, tags: ["bench"])
    }
    return DeckToLoad(DeckDefinition(name: name, module: modules[deckIndex % modules.count], cards: cards))
}
try store.load(decks, source: .imported, today: today)

// 2. States and history, written straight into the store's tables.
let queue = try DatabaseQueue(path: options.path)
try queue.write { db in
    let ids = try String.fetchAll(db, sql: "SELECT id FROM card ORDER BY position")
    let update = try db.makeStatement(sql: """
        UPDATE card SET reps = ?, ease = ?, interval = ?, due = ?, lapses = ?, last_review_day = ?, first_review_day = ?
        WHERE id = ?
        """)
    var seen: [String] = []
    for id in ids {
        let roll = Double.random(in: 0..<1, using: &random)
        guard roll >= 0.2 else { continue }  // 20% still new
        let interval: Int
        let due: Int
        if roll < 0.3 {  // ~10% due today or overdue
            interval = Int.random(in: 1...30, using: &random)
            due = today.number - Int.random(in: 0...5, using: &random)
        } else {
            interval = Int.random(in: 1...400, using: &random)
            due = today.number + Int.random(in: 1...interval, using: &random)
        }
        let last = due - interval
        try update.execute(arguments: [Int.random(in: 1...12, using: &random), Double(Int.random(in: 130...300, using: &random)) / 100,
                                       interval, due, Int.random(in: 0...3, using: &random), last,
                                       last - Int.random(in: 0...700, using: &random), id])
        seen.append(id)
    }
    let insert = try db.makeStatement(sql: """
        INSERT INTO review_log(card_id, deck_id, answered_at, day, kind, grade, answer, verdict, duration_ms, reps_before, ease_before,
            interval_before, due_before, repeat_today_before, pass_day_before, lapses_before, last_review_day_before,
            first_review_day_before, ease_after, interval_after)
        VALUES (?, (SELECT deck_id FROM card WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, NULL, NULL, ?, ?)
        """)
    let grades = [0, 1, 1, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5]
    for _ in 0..<(seen.isEmpty ? 0 : options.answers) {
        let id = seen[Int.random(in: 0..<seen.count, using: &random)]
        let day = today.number - Int.random(in: 0...1095, using: &random)
        let grade = grades[Int.random(in: 0..<grades.count, using: &random)]
        let kind = Int.random(in: 0..<20, using: &random) == 0 ? "quiz" : "review"
        let intervalBefore = Int.random(in: 0...200, using: &random)
        let ease = Double(Int.random(in: 130...300, using: &random)) / 100
        try insert.execute(arguments: [id, id, Double(day) * 86_400 + 36_000, day, kind, grade, "answer", grade >= 4 ? "correct" : "wrong",
                                       Int.random(in: 1_500...20_000, using: &random), Int.random(in: 0...10, using: &random), ease,
                                       intervalBefore, day, Int.random(in: 0...3, using: &random), ease,
                                       grade >= 3 ? Int(Double(max(1, intervalBefore)) * ease) : 0])
    }
    try db.execute(sql: """
        INSERT INTO study_day(day, answers, correct, duration_ms)
        SELECT day, count(*), sum(grade >= 3), sum(duration_ms) FROM review_log GROUP BY day
        """)
    try db.execute(sql: """
        INSERT OR REPLACE INTO mastery(module_id, mastered, total)
        SELECT deck.module_id, sum(card.interval >= 21), count(*) FROM card JOIN deck ON deck.id = card.deck_id
        WHERE card.retired = 0 GROUP BY deck.module_id
        """)
    for back in 0..<30 {
        try db.execute(sql: """
            INSERT OR REPLACE INTO mastery_history(module_id, day, mastered, total)
            SELECT module_id, ?, max(0, mastered - ?), total FROM mastery
            """, arguments: [today.number - back, back * 3])
    }
}
print("wrote \(options.path): \(options.cards) cards in \(options.decks) decks, \(options.answers) answers")
