import Foundation

/// `AnswerVocabulary`'s glossary and opposites, read once: which words and phrases are one term, and which
/// never pass for each other.
struct Vocabulary: Sendable {
    static let shared = Vocabulary(glossary: AnswerVocabulary.glossary, opposites: AnswerVocabulary.opposites)

    /// Every phrase of the glossary with the one word its term is read as.
    private let phrases: GlossaryPhrases
    /// Both ways round, each side as read by `AnswerWords` (glossary applied), by the side's first word.
    private let oppositesByFirstWord: [String: [(words: [String], opposite: [String])]]

    init(glossary: String, opposites: String) {
        var termOf: [[String]: String] = [:]
        var parent: [String: String] = [:]
        func root(_ term: String) -> String {
            var term = term
            while let next = parent[term], next != term { term = next }
            return term
        }
        for line in Self.lines(glossary) {
            let sides = line.components(separatedBy: " = ").map(AnswerWords.words).filter { !$0.isEmpty }
            guard sides.count == 2 else { continue }
            let known = sides.compactMap { termOf[$0] }.map(root)
            let term = known.first ?? sides[0].joined()
            for other in known.dropFirst() where other != term { parent[other] = term }
            for side in sides { termOf[side] = term }
        }
        let table = termOf.map { (words: $0.key, term: root($0.value)) }.sorted {
            $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lexicographicallyPrecedes($1.words)
        }
        let glossaryPhrases = GlossaryPhrases(longestFirst: table)
        phrases = glossaryPhrases
        var pairs: [String: [(words: [String], opposite: [String])]] = [:]
        for line in Self.lines(opposites) {
            let sides = line.components(separatedBy: " <> ")
                .map { Self.replacing(AnswerWords.words($0), with: glossaryPhrases) }
                .filter { !$0.isEmpty }
            guard sides.count == 2 else { continue }
            pairs[sides[0][0], default: []].append((sides[0], sides[1]))
            pairs[sides[1][0], default: []].append((sides[1], sides[0]))
        }
        oppositesByFirstWord = pairs
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces)[...] }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The words with every glossary phrase replaced by its term, longest phrase first, until nothing changes
    /// ("virtual local area network" → "virtual lan" → "vlan").
    func replacingGlossaryPhrases(in words: [String]) -> [String] {
        Self.replacing(words, with: phrases, sameWord: sameWord)
    }

    private static func replacing(_ words: [String], with phrases: GlossaryPhrases,
                                  sameWord: (String, String) -> Bool = { $0 == $1 }) -> [String] {
        var words = words
        for _ in 0..<3 {
            var result: [String] = []
            var changed = false
            var index = 0
            while index < words.count {
                if let phrase = phrases.startingLike(words[index]).first(where: { phrase in
                    index + phrase.words.count <= words.count
                        && zip(words[index...], phrase.words).allSatisfy { sameWord($0, $1) }
                }) {
                    result.append(phrase.term)
                    changed = changed || phrase.words != [phrase.term]
                    index += phrase.words.count
                } else {
                    result.append(words[index])
                    index += 1
                }
            }
            words = result
            if !changed { break }
        }
        return words
    }

    /// Singular and plural are one word ("address" = "addresses", "IP" = "IPs", "entry" = "entries"), but
    /// never two opposites ("HTTP" ≠ "HTTPS"), and a word ending in "ss" is no plural ("postgress").
    func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard short.count >= 2, long.hasSuffix("s") || long.hasSuffix("ies") else { return false }
        let plural = (long == short + "s" && !long.hasSuffix("ss")) || long == short + "es"
            || (short.hasSuffix("y") && long == short.dropLast() + "ies")
        return plural && !areOpposites(a, b)
    }

    func sameWords(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { sameWord($0, $1) }
    }

    func areOpposites(_ a: String, _ b: String) -> Bool {
        oppositesByFirstWord[a, default: []].contains { $0.words == [a] && $0.opposite == [b] }
    }

    /// True when `typed` says a word whose opposite `expected` says, and `expected` doesn't say it too
    /// ("not stateless but stateful" aside, "stateless" for "stateful" is wrong).
    func namesOpposite(_ typed: [String], of expected: [String]) -> Bool {
        Set(typed).contains { word in
            oppositesByFirstWord[word, default: []].contains { pair in
                contains(typed, pair.words) && contains(expected, pair.opposite) && !contains(expected, pair.words)
            }
        }
    }

    private func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in
            zip(words[start...], phrase).allSatisfy { $0 == $1 }
        }
    }
}
