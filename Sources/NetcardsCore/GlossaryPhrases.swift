/// The glossary's phrases, longest first, filed by the first letter of their first word: a phrase can only start
/// at a word with that letter (a plural keeps its singular's first letter), so a long answer tries a handful of
/// phrases at each word instead of every phrase of the glossary.
struct GlossaryPhrases: Sendable {
    typealias Phrase = (words: [String], term: String)

    private let byFirstLetter: [Character: [Phrase]]

    init(longestFirst phrases: [Phrase]) {
        var byFirstLetter: [Character: [Phrase]] = [:]
        for phrase in phrases {
            if let letter = phrase.words.first?.first { byFirstLetter[letter, default: []].append(phrase) }
        }
        self.byFirstLetter = byFirstLetter
    }

    /// The phrases that could start at `word`, in the glossary's order (longest first).
    func startingLike(_ word: String) -> [Phrase] {
        word.first.flatMap { byFirstLetter[$0] } ?? []
    }
}
