import Foundation
import NetcardsCore
import NetcardsStore

/// One quiz question: from a card of a table, or from the system's services database (`--all`).
struct QuizQuestion {
    var cardId: String?
    var front: String
    var answers: [String]
    /// Shown after the answer, e.g. the protocol of a port.
    var note: String?
    /// Groups questions asking for the same column: wrong options of a multiple choice come from it.
    var column: String
}

enum QuizPool {
    /// The table cards of a table name (`ports`) or of a deck's tables (`protocols`): typed cards, plus
    /// revealed ones when the quiz is multiple choice (picking an option needs no typing).
    static func cards(named name: String, directions: [String], multipleChoice: Bool, store: NetcardsStore) throws -> [QuizQuestion] {
        var pool = try store.quizCards(named: name)
        guard !pool.isEmpty else {
            let (tables, decks) = try store.quizNames()
            throw UserError("nothing to quiz named \(name): a quiz asks about table rows. Tables: \(tables.joined(separator: ", ")); decks with tables: \(decks.joined(separator: ", "))")
        }
        if !multipleChoice {
            pool = pool.filter { $0.mode == .typed }
            if pool.isEmpty {
                throw UserError("\(name) has only revealed answers, too long to type: quiz it as multiple choice with --choices 4")
            }
        }
        if !directions.isEmpty {
            let templates = Set(pool.compactMap(\.template))
            for direction in directions where !templates.contains(direction) {
                throw UserError("--direction \(direction) is not a question kind of \(name) — choose from: \(templates.sorted().joined(separator: ", ")), both")
            }
            pool = pool.filter { directions.contains($0.template ?? "") }
        }
        return pool.map {
            QuizQuestion(cardId: $0.id, front: $0.front, answers: $0.answers, note: nil,
                         column: "\($0.deck)/\($0.table ?? "")/\($0.template ?? "")")
        }
    }

    /// The ports engineers meet at work (`WorkPort.all`), both directions, minus ports the deck already asks
    /// about. Each accepts its common names and the services database's names of the same port and transport.
    static func workPorts(services text: String?, skippingPorts known: Set<Int>, directions: [String]) -> [QuizQuestion] {
        let entries = text.map(ServicesDatabase.parse) ?? []
        var questions: [QuizQuestion] = []
        for port in WorkPort.all where known.isDisjoint(with: port.numbers) {
            var names = [port.name] + port.otherNames
            for entry in entries where entry.port == port.numbers.lowerBound && entry.transport == port.transport {
                for name in [entry.name] + entry.aliases where !names.contains(name) { names.append(name) }
            }
            let note = "\(port.port)/\(port.transport)"
            if directions.isEmpty || directions.contains("port") {
                questions.append(QuizQuestion(cardId: nil, front: "Which port does \(port.name) listen on by default?",
                                              answers: [port.port], note: note, column: "services/port"))
            }
            if directions.isEmpty || directions.contains("service") {
                questions.append(QuizQuestion(cardId: nil, front: "What listens on port \(port.port) by default?",
                                              answers: names, note: note, column: "services/service"))
            }
        }
        return questions
    }
}
