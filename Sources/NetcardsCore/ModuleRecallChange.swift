/// What one review run did to a module: its estimated recall and introduced cards before the run and after it.
public struct ModuleRecallChange: Hashable, Sendable {
    /// A card the run answered: its module, its memory before the run's first answer of it, and now.
    public struct AnsweredCard: Hashable, Sendable {
        public var module: String
        public var before: CardMemory
        public var now: CardMemory
        public var suspended: Bool

        public init(module: String, before: CardMemory, now: CardMemory, suspended: Bool) {
            self.module = module
            self.before = before
            self.now = now
            self.suspended = suspended
        }
    }

    public var module: String
    public var before: EstimatedRecall
    public var after: EstimatedRecall

    /// The modules the run answered cards of, in the order of `now` (every module's figures after the run,
    /// measured on `day`): each is taken back to before the run by counting its answered cards' earlier memory.
    public static func of(_ answered: [AnsweredCard], now: [(module: String, recall: EstimatedRecall)], on day: StudyDay,
                          fsrs: FSRS) -> [ModuleRecallChange] {
        now.compactMap { module, after in
            let cards = answered.filter { $0.module == module }
            guard !cards.isEmpty else { return nil }
            var before = after
            for card in cards {
                before.count(card.now, suspended: card.suspended, on: day, fsrs: fsrs, sign: -1)
                before.count(card.before, suspended: card.suspended, on: day, fsrs: fsrs)
            }
            return ModuleRecallChange(module: module, before: before, after: after)
        }
    }
}
