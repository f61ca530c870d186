/// netcards' own CSV and TSV import: a header row naming the columns `front`, `back` and optionally
/// `tags` (separated by spaces), `deck` and `module`; one card per row after it.
enum CSVDeckReader {
    enum Column: String, CaseIterable {
        case front, back, tags, deck, module
    }

    static let maxProblems = 50

    /// The notes of every well-formed row, and a problem for every other row (the file is refused if there is one).
    static func read(_ bytes: [UInt8], file: String, tabSeparated: Bool,
                     progress: (Double) -> Void) throws(ImportError) -> (notes: [ImportedNote], problems: [ImportProblem]) {
        let text = try TextFile.read(bytes, file: file)
        let delimiter = tabSeparated ? "\t" : sniffDelimiter(text)
        let rows = try CSVRows(text: text, delimiter: delimiter, file: file, headerRecords: 1) { progress($0 / 2) }
        guard let header = rows.records.first(where: { !$0.isBlank }) else {
            throw ImportError(file: file, .line(1), "the file is empty — the first line names the columns: front,back,tags,deck,module")
        }
        let columns = try columnIndexes(header, file: file)
        let width = header.fields.count
        var notes: [ImportedNote] = []
        notes.reserveCapacity(rows.records.count)
        var problems: [ImportProblem] = []
        var deckPaths: [String: [String]] = [:]
        for record in rows.records where record.number > header.number && !record.isBlank {
            if record.number % 4096 == 0 { progress(0.5 + Double(record.number) / Double(2 * rows.records.count)) }
            guard record.fields.count == width else {
                problems.append(ImportProblem(file: file, .line(record.line),
                    "record \(record.number - header.number) has \(record.fields.count) fields but the header has \(width) — "
                        + "put a field that holds a `\(delimiter == "\t" ? "tab" : String(delimiter))` in double quotes, or add the missing fields"))
                if problems.count >= maxProblems { break }
                continue
            }
            func field(_ column: Column) -> String {
                columns[column].map { record.fields[$0] } ?? ""
            }
            let deck = Trimmed.spaces(field(.deck))
            let module = Trimmed.spaces(field(.module))
            let deckPath = deckPaths[deck] ?? {
                let path = deck.isEmpty ? [] : deck.components(separatedBy: "::")
                deckPaths[deck] = path
                return path
            }()
            notes.append(ImportedNote(
                location: .line(record.line),
                deckPath: deckPath,
                module: module.isEmpty ? nil : module,
                fields: [HTMLText.text(from: field(.front)), HTMLText.text(from: field(.back))],
                tags: TagText.split(field(.tags)), guid: nil, isCloze: false))
        }
        return (notes, problems)
    }

    private static func columnIndexes(_ header: CSVRows.Record, file: String) throws(ImportError) -> [Column: Int] {
        var indexes: [Column: Int] = [:]
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let expected = "name the columns front, back and optionally tags, deck, module"
        for (index, name) in names.enumerated() {
            guard let column = Column(rawValue: name) else {
                throw ImportError(file: file, .line(header.line),
                    "the header has an unknown column `\(header.fields[index])` — \(expected) (the header is: \(names.joined(separator: ", ")))")
            }
            guard indexes[column] == nil else {
                throw ImportError(file: file, .line(header.line), "the header names `\(name)` twice — keep one")
            }
            indexes[column] = index
        }
        for required in [Column.front, .back] where indexes[required] == nil {
            throw ImportError(file: file, .line(header.line),
                "the header has no `\(required.rawValue)` column — \(expected) (the header is: \(names.joined(separator: ", ")))")
        }
        return indexes
    }

    /// A .csv whose first line has no comma but has semicolons or tabs (a spreadsheet's export) uses those.
    private static func sniffDelimiter(_ text: String) -> Unicode.Scalar {
        let firstLine = text.prefix(while: { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
        if firstLine.contains(",") { return "," }
        if firstLine.contains(";") { return ";" }
        if firstLine.contains("\t") { return "\t" }
        return ","
    }
}
