/// One `netcards review` run as a state machine: the cards still to show, the step the current card is at,
/// and the stack of actions (grades, suspends, accepts) that `:undo` takes back one by one.
/// Every counter is derived from the actions, never kept beside them. Pure: the caller saves each action in
/// the store first, then tells the run.
public struct ReviewRun: Sendable {
    /// One showing of a card in the queue; a repeat gets an entry of its own.
    public struct Entry: Hashable, Sendable {
        public let serial: Int
        public let cardId: String
    }

    /// A grade given in this run.
    public struct Answer: Hashable, Sendable {
        public var cardId: String
        public var grade: Grade
        /// The review log row the store wrote for it.
        public var logId: Int64
        public var given: GivenAnswer
        /// Card shown → grade.
        public var durationMs: Int

        public init(cardId: String, grade: Grade, logId: Int64, given: GivenAnswer, durationMs: Int) {
            self.cardId = cardId
            self.grade = grade
            self.logId = logId
            self.given = given
            self.durationMs = durationMs
        }
    }

    public enum Action: Hashable, Sendable {
        /// `repeatEntry`: the later showing the scheduler asked for today, if any.
        case graded(Answer, entry: Entry, repeatEntry: Entry?)
        /// `removed`: the card's entries and where they stood; `given`: its answer if it was at the grade prompt.
        case suspended(cardId: String, removed: [Int: Entry], given: GivenAnswer?)
        /// `addedToStore`: false when the store already held that answer (so undo leaves it).
        case accepted(cardId: String, entry: Entry, before: GivenAnswer, addedToStore: Bool)

        public var cardId: String {
            switch self {
            case .graded(let answer, _, _): answer.cardId
            case .suspended(let cardId, _, _), .accepted(let cardId, _, _, _): cardId
            }
        }
    }

    public enum Step: Hashable, Sendable {
        /// The card's question waits for an answer.
        case answering(cardId: String)
        /// The answer is shown and waits for a grade; `spentMs` is time already spent on this card
        /// (non-zero when an undo brought it back).
        case grading(cardId: String, given: GivenAnswer, spentMs: Int)
        case finished
    }

    public private(set) var pending: [Entry]
    public private(set) var actions: [Action] = []
    private var currentAnswer: (given: GivenAnswer, spentMs: Int)?
    private var nextSerial: Int

    public init(cardIds: [String]) {
        pending = cardIds.enumerated().map { Entry(serial: $0.offset, cardId: $0.element) }
        nextSerial = cardIds.count
    }

    // MARK: - Where the run is

    public var step: Step {
        guard let entry = pending.first else { return .finished }
        if let currentAnswer { return .grading(cardId: entry.cardId, given: currentAnswer.given, spentMs: currentAnswer.spentMs) }
        return .answering(cardId: entry.cardId)
    }

    /// The showing on screen: a new entry means a new showing (a repeat, or the card back after a skip).
    public var currentEntry: Entry? { pending.first }
    public var currentCardId: String? { pending.first?.cardId }

    /// The grades given, in order (undone ones are gone).
    public var answers: [Answer] {
        actions.compactMap { if case .graded(let answer, _, _) = $0 { answer } else { nil } }
    }

    public var answerCount: Int { answers.count }
    public var correctCount: Int { answers.filter(\.grade.isPass).count }
    public var timeSpentMs: Int { answers.reduce(0) { $0 + $1.durationMs } }
    /// Distinct cards graded at least once.
    public var cardsReviewed: Int { Set(answers.map(\.cardId)).count }
    /// Distinct cards of this run: those graded and those still to show (a suspended card drops out).
    public var cardCount: Int { Set(answers.map(\.cardId)).union(pending.map(\.cardId)).count }

    /// `[i/n]`: i counts the cards reached so far, this one included; a card already graded in this run
    /// is a repeat ("again").
    public var counter: (index: Int, of: Int, isRepeat: Bool)? {
        guard let cardId = currentCardId else { return nil }
        let graded = Set(answers.map(\.cardId))
        let isRepeat = graded.contains(cardId)
        return (graded.count + (isRepeat ? 0 : 1), cardCount, isRepeat)
    }

    public var lastAction: Action? { actions.last }

    // MARK: - Moves

    /// The answer is in (typed, or revealed blank): the card waits for its grade.
    public mutating func reveal(_ given: GivenAnswer) {
        guard pending.first != nil else { return }
        currentAnswer = (given, 0)
    }

    /// The current card got `grade`, saved as log row `logId`. `comesBackToday` is the scheduler's call:
    /// the card is then shown again at the end of this run.
    public mutating func grade(_ grade: Grade, logId: Int64, durationMs: Int, comesBackToday: Bool) {
        guard let entry = pending.first, let given = currentAnswer?.given else { return }
        pending.removeFirst()
        currentAnswer = nil
        var repeatEntry: Entry?
        if comesBackToday {
            let again = Entry(serial: nextSerial, cardId: entry.cardId)
            nextSerial += 1
            pending.append(again)
            repeatEntry = again
        }
        let answer = Answer(cardId: entry.cardId, grade: grade, logId: logId, given: given, durationMs: durationMs)
        actions.append(.graded(answer, entry: entry, repeatEntry: repeatEntry))
    }

    /// `:accept` at the grade prompt: the typed answer counts as right. False when there is nothing to accept.
    @discardableResult
    public mutating func accept(addedToStore: Bool) -> Bool {
        guard let entry = pending.first, let current = currentAnswer, current.given.canBeAccepted else { return false }
        var accepted = current.given
        accepted.accepted = true
        currentAnswer = (accepted, current.spentMs)
        actions.append(.accepted(cardId: entry.cardId, entry: entry, before: current.given, addedToStore: addedToStore))
        return true
    }

    /// `:skip`: the card goes to the end of this run, its answer forgotten. True when other cards come first.
    @discardableResult
    public mutating func skip() -> Bool {
        guard !pending.isEmpty else { return false }
        currentAnswer = nil
        let skipped = pending.removeFirst()
        pending.append(skipped)
        return pending.first?.cardId != skipped.cardId
    }

    /// `:suspend`: every showing of the current card leaves the run.
    public mutating func suspend() {
        guard let cardId = currentCardId else { return }
        var removed: [Int: Entry] = [:]
        for (index, entry) in pending.enumerated() where entry.cardId == cardId { removed[index] = entry }
        pending.removeAll { $0.cardId == cardId }
        actions.append(.suspended(cardId: cardId, removed: removed, given: currentAnswer?.given))
        currentAnswer = nil
    }

    /// The current card can't be shown (retired or suspended elsewhere meanwhile): it leaves the run
    /// without an action to undo.
    public mutating func discardCurrent() {
        guard let cardId = currentCardId else { return }
        pending.removeAll { $0.cardId == cardId }
        currentAnswer = nil
    }

    /// Takes back the last action (the caller has already taken it back in the store) and returns to that
    /// card: a grade or an accept to its grade prompt with its verdict, a suspend to where the card was.
    @discardableResult
    public mutating func undo() -> Action? {
        guard let action = actions.popLast() else { return nil }
        switch action {
        case .graded(let answer, let entry, let repeatEntry):
            if let repeatEntry { pending.removeAll { $0 == repeatEntry } }
            pending.insert(entry, at: 0)
            currentAnswer = (answer.given, answer.durationMs)
        case .suspended(_, let removed, let given):
            for index in removed.keys.sorted() { pending.insert(removed[index]!, at: min(index, pending.count)) }
            currentAnswer = given.map { ($0, 0) }
        case .accepted(_, let entry, let before, _):
            pending.removeAll { $0 == entry }
            pending.insert(entry, at: 0)
            currentAnswer = (before, 0)
        }
        return action
    }
}
