/// A deck as written in a deck file: what the parser produces and the store loads.
public struct DeckDefinition: Hashable, Sendable {
    public var name: String
    public var module: String
    public var title: String?
    public var cards: [CardDefinition]

    public init(name: String, module: String, title: String? = nil, cards: [CardDefinition]) {
        self.name = name
        self.module = module
        self.title = title
        self.cards = cards
    }
}

public enum AnswerMode: String, Hashable, Sendable {
    /// The learner types the answer and netcards checks it.
    case typed
    /// The learner reveals the answer and grades themself.
    case reveal
}

public struct CardDefinition: Hashable, Sendable {
    /// Stable across rewording: DECK/TABLE/ROWKEY/TEMPLATE or DECK/ID.
    public var id: String
    /// Cards of one table row or one free card share it: siblings.
    public var noteKey: String
    public var table: String?
    public var template: String?
    public var front: String
    /// Every accepted answer; the first is the canonical one.
    public var answers: [String]
    /// What the learner is shown as the answer.
    public var back: String
    public var mode: AnswerMode
    public var tags: [String]

    public init(id: String, noteKey: String, table: String? = nil, template: String? = nil, front: String,
                answers: [String], back: String? = nil, mode: AnswerMode, tags: [String] = []) {
        self.id = id
        self.noteKey = noteKey
        self.table = table
        self.template = template
        self.front = front
        self.answers = answers
        self.back = back ?? answers.first ?? ""
        self.mode = mode
        self.tags = tags
    }
}

public enum DeckNaming {
    /// Lowercase letters, digits and single dashes: `l3-network`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    public static func isValidName(_ text: String) -> Bool {
        !text.isEmpty && slug(text) == text
    }

    /// Valid names separated by `/`: a free card's id may name a table card's (`ports/ssh/port`).
    public static func isValidPath(_ text: String) -> Bool {
        text.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { isValidName(String($0)) }
    }
}
