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

    /// Hands `note` each note as it is read.
    static func read(_ bytes: [UInt8], file: String, progress: (Double) -> Void,
                     note: (ImportedNote) -> Void) throws(ImportError) {
        let start = try TextFile.start(of: bytes, file: file)
        let (header, bodyStart) = try readHeader(bytes, from: start, file: file)
        let separator = header.separator.map { UInt8(ascii: $0) } ?? sniffSeparator(bytes, from: bodyStart)
        let metaColumns = Set([header.deckColumn, header.tagsColumn, header.guidColumn, header.notetypeColumn].compactMap { $0 })
        try CSVRows.forEach(in: bytes, from: bodyStart, delimiter: separator, file: file, firstLine: header.lineCount + 1,
                            progress: progress) { record throws(ImportError) in
            guard !record.isBlank else { return }
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
            note(ImportedNote(
                location: .line(record.line), deckPath: deckPath, module: deckPath.first,
                fields: fields, tags: header.tags + TagText.split(column(header.tagsColumn) ?? ""),
                guid: guid, isCloze: notetype.lowercased().contains("cloze")))
        }
    }

    /// The `#key:value` lines at the top of the text from `start`, and where the notes start.
    private static func readHeader(_ bytes: [UInt8], from start: Int, file: String) throws(ImportError) -> (Header, Int) {
        var end = start
        while end < bytes.count, bytes[end] == UInt8(ascii: "#") {
            end = bytes[end...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let (header, rest) = try readHeader(text, file: file)
        return (header, start + text.utf8.distance(from: text.startIndex, to: rest.startIndex))
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
                    throw ImportError(file: file, .line(line), "`#\(Quoted.excerpt(key)):` takes a column number from 1 — write e.g. `#\(Quoted.excerpt(key)):1`")
                }
                return number
            }
            switch key {
            case "separator":
                guard let separator = separator(named: value) else {
                    throw ImportError(file: file, .line(line),
                        "unknown separator `\(Quoted.excerpt(value))` — use tab, comma, semicolon, space, pipe, colon or a single character")
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

    private static func sniffSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        let firstLine = bytes[start...].prefix(while: { $0 != UInt8(ascii: "\n") })
        if firstLine.contains(UInt8(ascii: "\t")) { return UInt8(ascii: "\t") }
        if firstLine.contains(UInt8(ascii: ";")) { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }
}
