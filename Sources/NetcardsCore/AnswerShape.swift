import Foundation

/// What an answer is, read from its text: a port, a port range, a list (a set, or a sequence when its items
/// are joined by `→`), or one item — a command line or a term. Typed and deck answers are read the same way.
struct AnswerShape: Sendable {
    enum Item: Sendable {
        case command(CommandLineAnswer, AnswerWords)
        /// With the text read as a command line without options, for a typed one that adds some ("nc -zv" for "nc").
        case term(AnswerWords, CommandLineAnswer?)

        var words: AnswerWords {
            switch self { case .command(_, let words), .term(let words, _): words }
        }
    }

    /// The whole text as one phrase.
    let whole: AnswerWords
    /// The list items; one item when the text is no list. A deck item written `traceroute/mtr` has three
    /// readings: the whole, and either side.
    let items: [[Item]]
    /// Items joined by `→` or `->`.
    let ordered: Bool
    let port: Int?
    let range: PortRange?

    /// A typed answer's parenthetical asides are left out ("speed (low latency)"); a deck answer's stay, as
    /// they may be what tells two answers apart ("Load Balancer (L4)").
    init(_ text: String, typed: Bool) {
        let text = typed ? Self.withoutParentheticals(text) : text
        whole = AnswerWords(text)
        range = PortRange(Self.withoutPortWords(text))
        port = Self.port(text)
        let list = Self.listItems(text)
        ordered = list.ordered
        items = list.items.map { item in
            let parts = Self.slashParts(item)
            return ([item] + (parts.count > 1 ? parts : [])).map(Self.item)
        }
    }

    private init(whole: AnswerWords, items: [[Item]]) {
        self.whole = whole
        self.items = items
        ordered = true
        port = nil
        range = nil
    }

    /// A sequence whose item at each place may be spelled as at that place in any of `shapes`' sequences of
    /// the same length: "DNS lookup → TCP → TLS handshake → HTTP" mixes two spellings of one order. Nil unless
    /// at least two of them are lists of the same length.
    static func placewise(_ shapes: [AnswerShape]) -> (shape: AnswerShape, first: Int)? {
        guard let first = shapes.firstIndex(where: { $0.ordered && $0.items.count > 1 }) else { return nil }
        let length = shapes[first].items.count
        let same = shapes.indices.filter { shapes[$0].items.count == length }
        guard same.count > 1, !namesAnItemAtTwoPlaces(same.map { shapes[$0] }) else { return nil }
        let items = (0..<length).map { place in same.flatMap { shapes[$0].items[place] } }
        return (AnswerShape(whole: shapes[first].whole, items: items), first)
    }

    /// Two accepted orders that differ (`A → B → C`, `C → B → A`) must not be mixed into `A → B → A`.
    private static func namesAnItemAtTwoPlaces(_ lists: [AnswerShape]) -> Bool {
        let placed = lists.flatMap { list in list.items.enumerated().map { (place: $0.offset, words: $0.element[0].words) } }
        return placed.contains { first in
            placed.contains { $0.place != first.place && AnswerWords.compare($0.words, first.words) == .same }
        }
    }

    private static func item(_ text: String) -> Item {
        let words = AnswerWords(text)
        return CommandLineAnswer(text).map { .command($0, words) }
            ?? .term(words, CommandLineAnswer(text, optionsRequired: false))
    }

    /// "speed (low latency)" answers as "speed" does; an answer that is only a parenthetical stays as it is.
    static func withoutParentheticals(_ text: String) -> String {
        var result = ""
        var depth = 0
        for char in text {
            if char == "(" { depth += 1 } else if char == ")" && depth > 0 { depth -= 1 } else if depth == 0 { result.append(char) }
        }
        return result.contains(where: { $0.isLetter || $0.isNumber }) ? result : text
    }

    private static let portWords: Set<String> = ["port", "ports", "tcp", "udp", "number"]

    private static func withoutPortWords(_ text: String) -> String {
        text.split(separator: " ").filter { !portWords.contains($0.lowercased()) }.joined(separator: " ")
    }

    /// A port in any of `5432`, `port 5432`, `5432/tcp`, `tcp/5432`.
    private static func port(_ text: String) -> Int? {
        let words = AnswerWords.words(text).filter { !portWords.contains($0) }
        guard words.count == 1, let number = Int(words[0]), words[0].allSatisfy(\.isASCII), (0...65535).contains(number)
        else { return nil }
        return number
    }

    /// Items separated by `,` `;` `&` `+` ` and ` ` or ` ` then ` `→` `->`; with none of those, `/` between words.
    private static func listItems(_ text: String) -> (items: [String], ordered: Bool) {
        let separator = "\u{1}"
        let ordered = text.contains("→") || text.contains("->")
        var marked = text.replacingOccurrences(of: "→", with: separator).replacingOccurrences(of: "->", with: separator)
        for mark in [",", ";", "&", " + "] { marked = marked.replacingOccurrences(of: mark, with: separator) }
        for word in [" and ", " or ", " then "] { marked = marked.replacingOccurrences(of: word, with: separator, options: .caseInsensitive) }
        marked = joinedByPlus(marked, separator: separator)
        var items = marked.components(separatedBy: separator).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        if items.count == 1 { items = slashParts(items[0]) }
        return (items, ordered)
    }

    /// `S3+DynamoDB` is a list, `dig +short` an option.
    private static func joinedByPlus(_ text: String, separator: String) -> String {
        let chars = Array(text)
        var result = ""
        for (index, char) in chars.enumerated() {
            let between = index > 0 && index + 1 < chars.count && chars[index - 1].isLetterOrNumber && chars[index + 1].isLetterOrNumber
            result += char == "+" && between ? separator : String(char)
        }
        return result
    }

    /// `traceroute/mtr` → traceroute, mtr; but a CIDR (`10.0.0.0/16`), a URL or a command line stays whole.
    private static func slashParts(_ text: String) -> [String] {
        guard text.contains("/"), !text.contains("://"), CommandLineAnswer(text) == nil else { return [text] }
        let chars = Array(text)
        var parts: [String] = []
        var current = ""
        for (index, char) in chars.enumerated() {
            let before = chars[..<index].last(where: { $0 != " " })
            let after = chars[(index + 1)...].first(where: { $0 != " " })
            if char == "/", !(before?.isNumber == true && after?.isNumber == true) {
                parts.append(current)
                current = ""
            } else {
                current.append(char)
            }
        }
        parts.append(current)
        let kept = parts.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        return kept.isEmpty ? [text] : kept
    }
}

private extension Character {
    var isLetterOrNumber: Bool { isLetter || isNumber }
}

/// A command line: the program, its positional arguments in order, and its options as a set
/// (`-tlnp` = `-lntp` = `-t -l -n -p`; `dig example.com +short` = `dig +short example.com`).
struct CommandLineAnswer: Hashable, Sendable {
    var program: String
    var arguments: [String]
    var flags: Set<String>

    /// Nil unless the text is a program name followed by at least one option. A leading `sudo` is dropped.
    init?(_ text: String, optionsRequired: Bool = true) {
        var tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if tokens.first?.lowercased() == "sudo" { tokens.removeFirst() }
        guard let program = tokens.first?.lowercased(), program.first?.isLetter == true,
              program.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { return nil }
        self.program = program
        arguments = []
        flags = []
        for token in tokens.dropFirst() {
            if (token.hasPrefix("--") && token.count > 2) || (token.hasPrefix("+") && token.count > 1) {
                flags.insert(token)
            } else if token.hasPrefix("-"), token.count > 1, token.dropFirst().first?.isLetter == true {
                for letter in token.dropFirst() { flags.insert("-" + String(letter)) }
            } else {
                arguments.append(token.lowercased())
            }
        }
        if optionsRequired && flags.isEmpty { return nil }
    }
}
