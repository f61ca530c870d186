/// netcards' own CSV and TSV import: a header row naming the columns `front`, `back` and optionally
/// `tags` (separated by spaces), `deck` and `module`; one card per row after it.
enum CSVDeckReader {
    enum Column: String, CaseIterable {
        case front, back, tags, deck, module
    }

    static let maxProblems = 50

    /// Where each column is in a record, looked up once from the header rather than for every row.
    private struct Columns {
        var front, back, tags, deck, module: Int?

        init(_ indexes: [Column: Int]) {
            (front, back, tags, deck, module) = (indexes[.front], indexes[.back], indexes[.tags], indexes[.deck], indexes[.module])
        }
    }

    /// Hands `note` the note of every well-formed row as it is read, and returns a problem for every other row
    /// (the file is refused if there is one).
    static func read(_ bytes: [UInt8], file: String, tabSeparated: Bool, progress: (Double) -> Void,
                     note: (ImportedNote) -> Void) throws(ImportError) -> [ImportProblem] {
        let start = try TextFile.start(of: bytes, file: file)
        let delimiter = tabSeparated ? UInt8(ascii: "\t") : sniffDelimiter(bytes, from: start)
        var header: (record: CSVRows.Record, columns: Columns)?
        var problems: [ImportProblem] = []
        var deckPaths: [String: [String]] = [:]
        try CSVRows.forEach(in: bytes, from: start, delimiter: delimiter, file: file, headerRecords: 1,
                            progress: progress) { record throws(ImportError) in
            guard !record.isBlank, problems.count < maxProblems else { return }
            guard let (headerRecord, columns) = header else {
                header = (record, Columns(try columnIndexes(record, file: file)))
                return
            }
            let width = headerRecord.fields.count
            guard record.fields.count == width else {
                problems.append(ImportProblem(file: file, .line(record.line),
                    "record \(record.number - headerRecord.number) has \(record.fields.count) fields but the header has \(width) — "
                        + "put a field that holds a `\(delimiter == UInt8(ascii: "\t") ? "tab" : String(UnicodeScalar(delimiter)))` in double quotes, or add the missing fields"))
                return
            }
            func field(_ index: Int?) -> String {
                index.map { record.fields[$0] } ?? ""
            }
            let deck = Trimmed.spaces(field(columns.deck))
            let module = Trimmed.spaces(field(columns.module))
            let deckPath = deck.isEmpty ? [] : deckPaths[deck] ?? {
                let path = deck.components(separatedBy: "::")
                deckPaths[deck] = path
                return path
            }()
            note(ImportedNote(
                location: .line(record.line),
                deckPath: deckPath,
                module: module.isEmpty ? nil : module,
                fields: [PlainText.tidy(field(columns.front)), PlainText.tidy(field(columns.back))],
                tags: TagText.split(field(columns.tags)), guid: nil, isCloze: false))
        }
        guard header != nil else {
            throw ImportError(file: file, .line(1), "the file is empty — the first line names the columns: front,back,tags,deck,module")
        }
        return problems
    }

    private static func columnIndexes(_ header: CSVRows.Record, file: String) throws(ImportError) -> [Column: Int] {
        var indexes: [Column: Int] = [:]
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let expected = "name the columns front, back and optionally tags, deck, module"
        for (index, name) in names.enumerated() {
            guard let column = Column(rawValue: name) else {
                throw ImportError(file: file, .line(header.line),
                    "the header has an unknown column `\(Quoted.excerpt(header.fields[index]))` — \(expected) (the header is: \(Quoted.excerpt(names.joined(separator: ", "))))")
            }
            guard indexes[column] == nil else {
                throw ImportError(file: file, .line(header.line), "the header names `\(Quoted.excerpt(name))` twice — keep one")
            }
            indexes[column] = index
        }
        for required in [Column.front, .back] where indexes[required] == nil {
            throw ImportError(file: file, .line(header.line),
                "the header has no `\(required.rawValue)` column — \(expected) (the header is: \(Quoted.excerpt(names.joined(separator: ", "))))")
        }
        return indexes
    }

    /// A .csv whose first line has no comma but has semicolons or tabs (a spreadsheet's export) uses those.
    private static func sniffDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        let firstLine = bytes[start...].prefix(while: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") })
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] where firstLine.contains(delimiter) {
            return delimiter
        }
        return UInt8(ascii: ",")
    }
}
