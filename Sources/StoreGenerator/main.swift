import Foundation
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

// 2. States and history, through the store's import with history (the one writer of card state and the log),
//    a few thousand cards per transaction. Quiz answers go through the store's answer recording.
let ids = try store.cards().map(\.id)
let grades = [0, 1, 1, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5]
var histories: [ImportedCardHistory] = []
var quizAnswers: [(id: String, day: StudyDay, grade: Grade)] = []
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
    let first = last - Int.random(in: 0...700, using: &random)
    let state = CardState(repetitions: Int.random(in: 1...12, using: &random), ease: Double(Int.random(in: 130...300, using: &random)) / 100,
                          interval: interval, due: StudyDay(number: due), lapses: Int.random(in: 0...3, using: &random))
    histories.append(ImportedCardHistory(cardId: id, state: state, firstReviewDay: StudyDay(number: first),
                                         lastReviewDay: StudyDay(number: last)))
    seen.append(id)
}
for _ in 0..<(seen.isEmpty ? 0 : options.answers) {
    let index = Int.random(in: 0..<seen.count, using: &random)
    let day = StudyDay(number: today.number - Int.random(in: 0...1095, using: &random))
    let grade = Grade(grades[Int.random(in: 0..<grades.count, using: &random)])!
    if Int.random(in: 0..<20, using: &random) == 0 {
        quizAnswers.append((seen[index], day, grade))
        continue
    }
    let intervalBefore = Int.random(in: 0...200, using: &random)
    let ease = Double(Int.random(in: 130...300, using: &random)) / 100
    let before = CardState(repetitions: Int.random(in: 0...10, using: &random), ease: ease, interval: intervalBefore,
                           due: day, lapses: Int.random(in: 0...3, using: &random))
    histories[index].reviews.append(ImportedReview(
        answeredAt: Date(timeIntervalSince1970: Double(day.number) * 86_400 + 36_000 + Double(histories[index].reviews.count)),
        day: day, grade: grade, durationMs: Int.random(in: 1_500...20_000, using: &random), before: before,
        lastReviewDayBefore: nil, firstReviewDayBefore: nil, easeAfter: ease,
        intervalAfter: grade.isPass ? Int(Double(max(1, intervalBefore)) * ease) : 0))
}
var start = 0
while start < histories.count {
    let end = min(histories.count, start + 5_000)
    try store.loadImport([DeckToLoad](), history: Array(histories[start..<end]), today: today)
    start = end
}
for answer in quizAnswers {
    try store.recordAnswer(AnswerInput(cardId: answer.id, grade: answer.grade, typed: "answer",
                                       verdict: answer.grade.value >= 4 ? "correct" : "wrong",
                                       durationMs: Int.random(in: 1_500...20_000, using: &random), kind: .quiz,
                                       at: Date(timeIntervalSince1970: Double(answer.day.number) * 86_400 + 36_000), today: answer.day))
}
print("wrote \(options.path): \(options.cards) cards in \(options.decks) decks, \(options.answers) answers")
