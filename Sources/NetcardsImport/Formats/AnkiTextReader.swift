/// Anki's "Notes in Plain Text" export: `#key:value` header lines (`#separator:`, `#html:`, `#columns:`,
/// `#deck column:`, `#tags column:`, `#guid column:`, `#notetype column:`, `#deck:`, `#notetype:`, `#tags:`),
/// then one note per record: those columns, and the note's fields in order.
enum AnkiTextReader {
    struct Header {
        var separator: Unicode.Scalar?
        var html = true
        var deckColumn: Int?
        var tagsColumn: Int?
        var guidColumn: Int?
        var notetypeColumn: Int?
        var deck: String?
        var notetype: String?
        var tags: [String] = []
        /// Lines the header takes.
        var lineCount = 0
    }

    static func read(_ bytes: [UInt8], file: String, progress: (Double) -> Void) throws(ImportError) -> [ImportedNote] {
        let text = try TextFile.read(bytes, file: file)
        let (header, body) = try readHeader(text, file: file)
        let separator = header.separator ?? sniffSeparator(body)
        let rows = try CSVRows(text: String(body), delimiter: separator, file: file, firstLine: header.lineCount + 1,
                               progress: progress)
        let metaColumns = Set([header.deckColumn, header.tagsColumn, header.guidColumn, header.notetypeColumn].compactMap { $0 })
        var notes: [ImportedNote] = []
        for record in rows.records where !record.isBlank {
            func column(_ number: Int?) -> String? {
                guard let number, number >= 1, number <= record.fields.count else { return nil }
                return record.fields[number - 1]
            }
            let fields = record.fields.indices.filter { !metaColumns.contains($0 + 1) }.map { index in
                header.html ? HTMLText.text(from: record.fields[index]) : PlainText.tidy(record.fields[index])
            }
            let deck = column(header.deckColumn) ?? header.deck ?? ""
            let deckPath = deck.isEmpty ? [] : deck.components(separatedBy: "::")
            let notetype = column(header.notetypeColumn) ?? header.notetype ?? ""
            let guid = column(header.guidColumn).flatMap { $0.isEmpty ? nil : $0 }
            notes.append(ImportedNote(
                location: .line(record.line), deckPath: deckPath, module: deckPath.first,
                fields: fields, tags: header.tags + TagText.split(column(header.tagsColumn) ?? ""),
                guid: guid, isCloze: notetype.lowercased().contains("cloze")))
        }
        return notes
    }

    private static func readHeader(_ text: String, file: String) throws(ImportError) -> (Header, Substring) {
        var header = Header()
        var rest = Substring(text)
        while rest.hasPrefix("#"), let colon = rest.prefix(while: { $0 != "\n" && $0 != "\r\n" }).firstIndex(of: ":") {
            let lineEnd = rest.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? rest.endIndex
            let key = rest[rest.index(after: rest.startIndex)..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(rest[rest.index(after: colon)..<lineEnd])
            header.lineCount += 1
            let line = header.lineCount
            func columnNumber() throws(ImportError) -> Int {
                guard let number = Int(value.trimmingCharacters(in: .whitespaces)), number >= 1 else {
                    throw ImportError(file: file, .line(line), "`#\(key):` takes a column number from 1 — write e.g. `#\(key):1`")
                }
                return number
            }
            switch key {
            case "separator":
                guard let separator = separator(named: value) else {
                    throw ImportError(file: file, .line(line),
                        "unknown separator `\(value)` — use tab, comma, semicolon, space, pipe, colon or a single character")
                }
                header.separator = separator
            case "html": header.html = value.trimmingCharacters(in: .whitespaces).lowercased() == "true"
            case "deck column": header.deckColumn = try columnNumber()
            case "tags column": header.tagsColumn = try columnNumber()
            case "guid column": header.guidColumn = try columnNumber()
            case "notetype column": header.notetypeColumn = try columnNumber()
            case "deck": header.deck = value.trimmingCharacters(in: .whitespaces)
            case "notetype": header.notetype = value.trimmingCharacters(in: .whitespaces)
            case "tags": header.tags = TagText.split(value)
            default: break  // #columns:, #if matches:, … name things netcards does not need
            }
            rest = lineEnd == rest.endIndex ? rest[lineEnd...] : rest[rest.index(after: lineEnd)...]
        }
        return (header, rest)
    }

    private static func separator(named value: String) -> Unicode.Scalar? {
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "tab": return "\t"
        case "comma": return ","
        case "semicolon": return ";"
        case "space": return " "
        case "pipe": return "|"
        case "colon": return ":"
        default:
            let scalars = value.unicodeScalars
            return scalars.count == 1 && scalars.first!.isASCII ? scalars.first : nil
        }
    }

    private static func sniffSeparator(_ body: Substring) -> Unicode.Scalar {
        let firstLine = body.prefix(while: { $0 != "\n" && $0 != "\r\n" })
        if firstLine.contains("\t") { return "\t" }
        if firstLine.contains(";") { return ";" }
        return ","
    }
}
