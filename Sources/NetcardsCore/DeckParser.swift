/// Reads the Markdown deck format of docs/deck-format.md.
public struct DeckParser {
    public let file: String
    private var errors: [DeckParseError] = []
    private var cards: [CardDefinition] = []
    private var seenIds = Set<String>()
    private var deckName = ""
    private var deckTags: [String] = []
    /// `Block: NAME` definitions: the name and its fenced code, which a table cell `{{NAME}}` stands for.
    private var namedBlocks: [String: String] = [:]

    public init(file: String) { self.file = file }

    /// Parses a whole file: every card, or every error (and then no card).
    public static func parse(_ text: String, file: String) throws(DeckParseErrors) -> DeckDefinition {
        var parser = DeckParser(file: file)
        let deck = parser.run(text)
        if !parser.errors.isEmpty { throw DeckParseErrors(parser.errors) }
        return deck!
    }

    private mutating func fail(_ kind: DeckParseError.Kind, _ line: Int, _ message: String) {
        errors.append(DeckParseError(kind, file: file, line: line, message))
    }

    private mutating func run(_ text: String) -> DeckDefinition? {
        // "\r\n" is one Character in Swift: split on both so Windows line endings read the same.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard let (frontMatter, bodyStart) = readFrontMatter(lines) else { return nil }
        deckName = frontMatter["deck"] ?? ""
        deckTags = TagList.parse(frontMatter["tags"] ?? "")
        namedBlocks = Self.namedBlocks(lines, from: bodyStart)
        readBody(lines, from: bodyStart)
        return DeckDefinition(name: deckName, module: frontMatter["module"] ?? "", title: frontMatter["title"], cards: cards)
    }

    // MARK: - Front matter

    private static let frontMatterKeys: Set = ["deck", "module", "tags", "title"]

    private mutating func readFrontMatter(_ lines: [String]) -> ([String: String], Int)? {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            fail(.missingFrontMatter, 1, "the file must start with front matter: a `---` line, `deck: NAME`, `module: NAME`, then `---`")
            return nil
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            fail(.unterminatedFrontMatter, 1, "the front matter is never closed — add a `---` line after it")
            return nil
        }
        var values: [String: String] = [:]
        var keyLines: [String: Int] = [:]
        var index = 1
        while index < closing {
            let line = lines[index]
            let number = index + 1
            index += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                fail(.malformedFrontMatterLine, number, "front matter lines are `key: value` — add a `:` after the key")
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard Self.frontMatterKeys.contains(key) else {
                fail(.unknownFrontMatterKey, number, "unknown front matter key `\(key)` — use deck, module, tags or title")
                continue
            }
            values[key] = value
            keyLines[key] = number
        }
        for key in ["deck", "module"] where (values[key] ?? "").isEmpty {
            fail(.missingRequiredKey, 1, "the front matter has no `\(key):` — add `\(key): \(key == "deck" ? "my-deck" : "Module name")`")
        }
        if let deck = values["deck"], !deck.isEmpty, !DeckNaming.isValidName(deck) {
            fail(.invalidName, keyLines["deck"] ?? 1, "deck name `\(deck)` must be lowercase letters, digits and `-` — try `\(DeckNaming.slug(deck))`")
        }
        return (values, index + 1)
    }

    // MARK: - Body

    private mutating func readBody(_ lines: [String], from start: Int) {
        var index = start
        var openTable: TableBlock?
        var afterBrokenTable = false
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            index += 1
            if CodeFence(opening: line) != nil {
                // Commentary: a Markdown code block between cards is skipped whole.
                index -= 1
                _ = readCode(lines, &index)
                continue
            }
            if trimmed.isEmpty { continue }

            if let name = value(of: "Block:", in: trimmed) {
                if let table = openTable, !table.templates.isEmpty { finish(table); openTable = nil }
                readBlockDefinition(named: name, at: number, lines, &index)
            } else if let name = value(of: "Table:", in: trimmed) {
                if let table = openTable { finish(table) }
                openTable = readTable(named: name, at: number, lines, &index)
                afterBrokenTable = openTable == nil
            } else if trimmed.hasPrefix("Card ") || trimmed.hasPrefix("Reveal ") {
                if afterBrokenTable { continue }  // the table's own error already says what to fix
                guard openTable != nil else {
                    fail(.templateOutsideTable, number, "a card template must follow a table — add a `Table: NAME` and its pipe table above it")
                    continue
                }
                readTemplate(trimmed, at: number, into: &openTable!)
            } else if let tags = value(of: "Tags:", in: trimmed), openTable != nil {
                openTable!.tags += TagList.parse(tags)
            } else if trimmed.hasPrefix("|") {
                if let table = openTable { finish(table); openTable = nil }
                fail(.tableWithoutName, number, "a pipe table needs a `Table: NAME` line right above it so its rows become cards")
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") { index += 1 }
            } else if value(of: "Q:", in: trimmed) != nil {
                if let table = openTable { finish(table); openTable = nil }
                readFreeCard(lines, at: number, &index)
            } else if value(of: "A:", in: trimmed) != nil || value(of: "Reveal:", in: trimmed) != nil {
                fail(.answerWithoutQuestion, number, "an answer without a question — put a `Q: QUESTION {#id}` line right above it")
            } else if let table = openTable, !table.templates.isEmpty {
                finish(table)
                openTable = nil
            }
        }
        if let table = openTable { finish(table) }
    }

    // MARK: - Code blocks

    /// Reads the fenced block opening at `index` and moves past its closing fence; nil (and an error) when the
    /// file ends before it closes.
    private mutating func readCode(_ lines: [String], _ index: inout Int) -> [String]? {
        let fence = CodeFence(opening: lines[index])!
        let opening = index + 1
        index += 1
        var code: [String] = []
        while index < lines.count {
            defer { index += 1 }
            if fence.closes(lines[index]) { return code }
            code.append(lines[index])
        }
        fail(.unclosedCodeBlock, opening, "the code block opened here is never closed — add a line `\(String(repeating: fence.marker, count: fence.length))` after its last line")
        return nil
    }

    private mutating func readBlockDefinition(named name: String, at number: Int, _ lines: [String], _ index: inout Int) {
        guard index < lines.count, CodeFence(opening: lines[index]) != nil else {
            fail(.blockWithoutCode, number, "`Block: \(name)` must be followed directly by a fenced code block (a ``` line, the lines, a ``` line)")
            return
        }
        guard readCode(lines, &index) != nil else { return }
        if !DeckNaming.isValidName(name) {
            fail(.invalidName, number, "block name `\(name)` must be lowercase letters, digits and `-` — try `\(DeckNaming.slug(name))`")
        } else if let first = lines[..<(number - 1)].firstIndex(where: { Self.blockName(definedBy: $0) == name }) {
            fail(.duplicateBlock, number, "the block `\(name)` is already defined at line \(first + 1) — give this one another name")
        }
    }

    /// The name a `Block: NAME` line defines.
    private static func blockName(definedBy line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("Block:") else { return nil }
        return trimmed.dropFirst("Block:".count).trimmingCharacters(in: .whitespaces)
    }

    /// Every well-formed `Block: NAME` of the file, first definition first, so a table may use a block defined
    /// below it. Mistakes in them are reported where the body is read.
    private static func namedBlocks(_ lines: [String], from start: Int) -> [String: String] {
        var blocks: [String: String] = [:]
        var index = start
        while index < lines.count {
            defer { index += 1 }
            guard let name = blockName(definedBy: lines[index]), index + 1 < lines.count,
                  let fence = CodeFence(opening: lines[index + 1]) else { continue }
            guard let close = lines[(index + 2)...].firstIndex(where: fence.closes) else { break }
            if blocks[name] == nil { blocks[name] = CardText.fenced(Array(lines[(index + 2)..<close])) }
            index = close
        }
        return blocks
    }

    /// The block name of a cell written `{{NAME}}`.
    static func blockReference(_ cell: String) -> String? {
        guard cell.hasPrefix("{{"), cell.hasSuffix("}}"), cell.count > 4 else { return nil }
        return String(cell.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
    }

    private func value(of key: String, in line: String) -> String? {
        guard line.hasPrefix(key) else { return nil }
        return line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Tables

    private struct TableBlock {
        var name: String
        var line: Int
        var columns: [String]
        var rows: [(line: Int, key: String, cells: [[String]])]
        var templates: [(line: Int, name: String, mode: AnswerMode, front: String, back: String)] = []
        var tags: [String] = []
    }

    private mutating func readTable(named name: String, at number: Int, _ lines: [String], _ index: inout Int) -> TableBlock? {
        if !DeckNaming.isValidName(name) {
            fail(.invalidName, number, "table name `\(name)` must be lowercase letters, digits and `-` — try `\(DeckNaming.slug(name))`")
        }
        var rowLines: [(Int, String)] = []
        while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
            rowLines.append((index + 1, lines[index].trimmingCharacters(in: .whitespaces)))
            index += 1
        }
        guard rowLines.count >= 3 else {
            fail(.tableWithoutRows, number, "`Table: \(name)` must be followed directly by a pipe table: a header row, a `|---|` row and at least one row")
            return nil
        }
        let columns = Self.cells(of: rowLines[0].1).map { $0.joined(separator: " | ") }
        let separator = Self.cells(of: rowLines[1].1).map { $0.joined() }
        guard separator.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }) else {
            fail(.missingSeparatorRow, rowLines[1].0, "the second row of a table must be the separator `|---|---|` (one `---` per column)")
            return nil
        }
        var table = TableBlock(name: name, line: number, columns: columns, rows: [])
        var keys = Set<String>()
        for (line, text) in rowLines.dropFirst(2) {
            let cells = Self.cells(of: text)
            guard cells.count == columns.count else {
                fail(.cellCountMismatch, line, "the row has \(cells.count) cells but the header has \(columns.count) — add the missing cell or escape a `|` inside a cell as `\\|`")
                continue
            }
            if let unknown = cells.joined().compactMap(Self.blockReference).first(where: { namedBlocks[$0] == nil }) {
                fail(.unknownBlock, line, "the cell `{{\(unknown)}}` names no block — define it with a `Block: \(unknown)` line followed by a fenced code block")
                continue
            }
            let key = DeckNaming.slug(cells[0].first ?? "")
            guard !key.isEmpty else {
                fail(.emptyRowKey, line, "the first cell names the row and becomes part of its cards' ids — give it some letters or digits")
                continue
            }
            guard keys.insert(key).inserted else {
                fail(.duplicateRowKey, line, "another row of `\(name)` already has the key `\(key)` — make the first cells differ")
                continue
            }
            table.rows.append((line, key, cells))
        }
        return table
    }

    /// Splits a pipe-table row into cells; `\|` inside a cell separates alternatives.
    static func cells(of row: String) -> [[String]] {
        var body = Substring(row.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [[String]] = []
        var alternatives: [String] = []
        var current = ""
        var iterator = body.makeIterator()
        func closeAlternative() {
            alternatives.append(current.trimmingCharacters(in: .whitespaces))
            current = ""
        }
        while let char = iterator.next() {
            if char == "\\" {
                guard let escaped = iterator.next() else { current.append(char); break }
                if escaped == "|" { closeAlternative() } else { current.append(char); current.append(escaped) }
            } else if char == "|" {
                closeAlternative()
                cells.append(alternatives.filter { !$0.isEmpty })
                alternatives = []
            } else {
                current.append(char)
            }
        }
        closeAlternative()
        cells.append(alternatives.filter { !$0.isEmpty })
        return cells
    }

    private mutating func readTemplate(_ line: String, at number: Int, into table: inout TableBlock) {
        let mode: AnswerMode = line.hasPrefix("Card ") ? .typed : .reveal
        let rest = line.drop(while: { $0 != " " }).dropFirst()
        guard let colon = rest.firstIndex(of: ":"),
              let arrow = rest[colon...].range(of: "=>") else {
            fail(.malformedTemplate, number, "a template is `Card NAME: FRONT => BACK` or `Reveal NAME: FRONT => BACK`")
            return
        }
        let name = rest[..<colon].trimmingCharacters(in: .whitespaces)
        let front = rest[rest.index(after: colon)..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
        let back = rest[arrow.upperBound...].trimmingCharacters(in: .whitespaces)
        guard DeckNaming.isValidName(name) else {
            fail(.invalidName, number, "template name `\(name)` must be lowercase letters, digits and `-` — try `\(DeckNaming.slug(name))`")
            return
        }
        guard !front.isEmpty, !back.isEmpty else {
            fail(.malformedTemplate, number, "the template needs text on both sides of `=>`")
            return
        }
        guard !table.templates.contains(where: { $0.name == name }) else {
            fail(.duplicateTemplate, number, "`\(table.name)` already has a template named `\(name)` — give this one another name")
            return
        }
        for placeholder in Self.placeholders(in: front + back) where !table.columns.contains(placeholder) {
            fail(.unknownColumn, number, "`{\(placeholder)}` is not a column of `\(table.name)` — use one of: \(table.columns.map { "{\($0)}" }.joined(separator: ", "))")
            return
        }
        table.templates.append((number, name, mode, front, back))
    }

    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.hasPrefix("#") { names.append(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private mutating func finish(_ table: TableBlock) {
        guard !table.templates.isEmpty else {
            fail(.tableWithoutTemplates, table.line, "`Table: \(table.name)` has no card templates — add a line like `Card NAME: FRONT => BACK` after the table")
            return
        }
        let tags = deckTags + table.tags
        for template in table.templates {
            for row in table.rows {
                func cell(_ column: String) -> [String] {
                    row.cells[table.columns.firstIndex(of: column)!].map { alternative in
                        // A block goes on lines of its own, whatever text surrounds the placeholder.
                        Self.blockReference(alternative).flatMap { namedBlocks[$0] }.map { "\n\($0)\n" } ?? alternative
                    }
                }
                func render(_ text: String) -> String {
                    var result = text
                    for column in Self.placeholders(in: text) {
                        result = result.replacingOccurrences(of: "{\(column)}", with: cell(column).first ?? "")
                    }
                    return CardText.text(of: CardText.blocks(of: result))
                }
                let backColumn = Self.placeholders(in: template.back)
                if template.mode == .typed,
                   backColumn.contains(where: { row.cells[table.columns.firstIndex(of: $0)!].contains { Self.blockReference($0) != nil } }) {
                    fail(.codeInTypedAnswer, row.line, "template `\(template.name)` would make this row's code block a typed answer — use `Reveal \(template.name):` or another column")
                    continue
                }
                let answers = backColumn.count == 1 && template.back == "{\(backColumn[0])}"
                    ? cell(backColumn[0]).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } : [render(template.back)]
                guard !answers.isEmpty, !answers[0].isEmpty else {
                    fail(.emptyAnswer, row.line, "template `\(template.name)` gives this row an empty answer — fill in the cell")
                    continue
                }
                let noteKey = "\(deckName)/\(table.name)/\(row.key)"
                add(CardDefinition(id: "\(noteKey)/\(template.name)", noteKey: noteKey, table: table.name,
                                   template: template.name, front: render(template.front), answers: answers,
                                   mode: template.mode, tags: tags), line: row.line)
            }
        }
    }

    private mutating func add(_ card: CardDefinition, line: Int) {
        guard seenIds.insert(card.id).inserted else {
            fail(.duplicateId, line, "the id `\(card.id)` is used twice in this deck — ids must be unique")
            return
        }
        cards.append(card)
    }

    // MARK: - Free cards

    private mutating func readFreeCard(_ lines: [String], at number: Int, _ index: inout Int) {
        var question = value(of: "Q:", in: lines[number - 1].trimmingCharacters(in: .whitespaces))!
        var id: String?
        if question.hasSuffix("}"), let open = question.range(of: "{#", options: .backwards) {
            id = String(question[open.upperBound..<question.index(before: question.endIndex)])
            question = question[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
        }
        guard let id, !id.isEmpty else {
            fail(.questionWithoutId, number, "a free card needs a permanent id — end the question with ` {#some-id}`")
            skipCardBody(lines, &index)
            return
        }
        guard DeckNaming.isValidPath(id) else {
            fail(.invalidName, number, "id `\(id)` must be lowercase letters, digits and `-` (parts may be separated by `/`) — try `\(DeckNaming.slug(id))`")
            skipCardBody(lines, &index)
            return
        }
        // A question may go on over several lines: indented lines of text, as a revealed answer's are, and
        // fenced code blocks, kept verbatim.
        while index < lines.count {
            if CodeFence(opening: lines[index]) != nil {
                guard let code = readCode(lines, &index) else { return }
                question += "\n" + CardText.fenced(code)
            } else if lines[index].hasPrefix("  "), !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                question += "\n" + lines[index].trimmingCharacters(in: .whitespaces)
                index += 1
            } else {
                break
            }
        }
        let answerLine = index < lines.count ? lines[index].trimmingCharacters(in: .whitespaces) : ""
        let mode: AnswerMode
        var answer: String
        if let typed = value(of: "A:", in: answerLine) {
            mode = .typed
            answer = typed
        } else if let revealed = value(of: "Reveal:", in: answerLine) {
            mode = .reveal
            answer = revealed
        } else {
            fail(.questionWithoutAnswer, number, "the question has no answer — put `A: ANSWER` (typed) or `Reveal: ANSWER` on the next line")
            return
        }
        index += 1
        while index < lines.count, lines[index].hasPrefix("  "), !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
            answer += "\n" + lines[index].trimmingCharacters(in: .whitespaces)
            index += 1
        }
        var tags = deckTags
        if index < lines.count, let extra = value(of: "Tags:", in: lines[index].trimmingCharacters(in: .whitespaces)) {
            tags += TagList.parse(extra)
            index += 1
        }
        let answers = mode == .typed
            ? TypedAnswers.split(answer).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            : [answer]
        guard !question.isEmpty, !answers.isEmpty, !answers[0].isEmpty else {
            fail(.emptyAnswer, number, question.isEmpty ? "the question is empty — write it after `Q:`" : "the answer is empty — write it after `A:` or `Reveal:`")
            return
        }
        let key = "\(deckName)/\(id)"
        add(CardDefinition(id: key, noteKey: key, front: question, answers: answers, mode: mode, tags: tags), line: number)
    }

    private func skipCardBody(_ lines: [String], _ index: inout Int) {
        while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty,
              !lines[index].hasPrefix("Q:") {
            if let fence = CodeFence(opening: lines[index]) {
                index = lines[(index + 1)...].firstIndex(where: fence.closes) ?? lines.count - 1
            }
            index += 1
        }
    }
}

/// A typed answer line: alternatives separated by ` | `; `\|` is a `|` that separates nothing, `\\` a backslash.
public enum TypedAnswers {
    public static func split(_ line: String) -> [String] {
        var alternatives: [String] = []
        var current = ""
        var characters = line[...]
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.first, next == "|" || next == "\\" {
                current.append(next)
                characters.removeFirst()
            } else if character == " ", characters.hasPrefix("| ") {
                alternatives.append(current)
                current = ""
                characters.removeFirst(2)
            } else {
                current.append(character)
            }
        }
        alternatives.append(current)
        return alternatives
    }

    /// The line `split` reads back as `alternatives`.
    public static func join(_ alternatives: [String]) -> String {
        alternatives.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }
            .joined(separator: " | ")
    }
}

enum TagList {
    static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension DeckParser {
    /// Parses raw file bytes: text that is not UTF-8 is one error at line 1.
    public static func parse(data: [UInt8], file: String) throws(DeckParseErrors) -> DeckDefinition {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DeckParseErrors([DeckParseError(.invalidText, file: file, line: 1,
                "the file is not UTF-8 text — save it as UTF-8 (a deck is a Markdown file)")])
        }
        return try parse(text, file: file)
    }
}
