/// The options of a multiple-choice question: the right answer and wrong ones that are really wrong — never
/// an answer the question accepts, never one inside the other (`L7` and `L4 – L7`), never a list sharing an
/// item with the right list (`NGINX, Caddy, Envoy` and `AWS ALB, NGINX, Envoy, Traefik`).
public enum MultipleChoice {
    /// `right`: every accepted answer of the question, the first shown. `candidates`: the accepted answers of
    /// other questions of the same kind; the first answer of each fair one can be a wrong option.
    /// Fewer than `count` options come back when fewer fair candidates exist.
    public static func options<Generator: RandomNumberGenerator>(right: [String], candidates: [[String]], count: Int,
                                                                 using generator: inout Generator) -> [String] {
        var shown = Set([AnswerChecker.normalize(right[0])])
        var wrong: [String] = []
        for candidate in candidates.shuffled(using: &generator) where wrong.count < count - 1 {
            guard let first = candidate.first, !isSecondRightOption(candidate, right: right),
                  shown.insert(AnswerChecker.normalize(first)).inserted else { continue }
            wrong.append(first)
        }
        return ([right[0]] + wrong).shuffled(using: &generator)
    }

    /// Whether a candidate (with its alternatives) would be a second right option for the question.
    public static func isSecondRightOption(_ candidate: [String], right: [String]) -> Bool {
        if candidate.contains(where: { AnswerChecker.check($0, against: right).verdict != .wrong }) { return true }
        if right.contains(where: { AnswerChecker.check($0, against: candidate).verdict != .wrong }) { return true }
        let rightItems = Set(right.flatMap(items))
        return candidate.contains { !rightItems.isDisjoint(with: items($0)) }
    }

    /// The items of an answer: the parts of a list (`,` `;` `/` `and` `or`) or the ends of a range
    /// (`–` `to` `through`), each normalized. `L4 – L7` is {l4, l7}; `NGINX, Caddy, Envoy` is {nginx, caddy, envoy}.
    static func items(_ answer: String) -> Set<String> {
        var parts = [answer.lowercased()]
        for separator in [",", ";", "/", "–", "—", "→", " and ", " or ", " to ", " through ", " vs "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return Set(parts.map(AnswerChecker.normalize).filter { !$0.isEmpty })
    }
}
