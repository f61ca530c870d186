/// The records of a delimited text file (RFC 4180 quoting), each with the line it starts on, handed over one
/// at a time so that a large file is never held as records.
struct CSVRows {
    struct Record {
        var line: Int
        /// 1-based, as a person counts records.
        var number: Int
        var fields: [String]

        var isBlank: Bool { fields.count == 1 && fields[0].isEmpty }
    }

    /// Every record of `text` at once (for small texts).
    let records: [Record]

    init(text: String, delimiter: Unicode.Scalar, file: String, firstLine: Int = 1, headerRecords: Int = 0) throws(ImportError) {
        var records: [Record] = []
        try Self.forEach(in: Array(text.utf8), delimiter: UInt8(ascii: delimiter), file: file, firstLine: firstLine,
                         headerRecords: headerRecords) { records.append($0) }
        self.records = records
    }

    /// Calls `body` with each record of `bytes` from `start`, once the quoting of the whole text is known to be
    /// sound (a broken quote refuses the file before any record is used). `firstLine`: the line of the file that
    /// `start` is on. `headerRecords`: records before the data (a header row), left out when a message counts records.
    static func forEach(in bytes: [UInt8], from start: Int = 0, delimiter: UInt8, file: String, firstLine: Int = 1,
                        headerRecords: Int = 0, progress: (Double) -> Void = { _ in },
                        _ body: (Record) throws(ImportError) -> Void) throws(ImportError) {
        func scan(_ each: (CSVRecordScanner) throws(ImportError) -> Void) throws(ImportError) {
            var scanner = CSVRecordScanner(bytes, from: start, delimiter: delimiter)
            while true {
                do {
                    guard try scanner.next() else { return }
                } catch {
                    let record = error.record - headerRecords
                    throw ImportError(file: file, .line(error.line + firstLine - 1),
                                      record >= 1 ? "record \(record): \(error.message)" : error.message)
                }
                try each(scanner)
            }
        }
        try scan { _ in }
        var fields: [String] = []
        let size = Double(max(1, bytes.count - start))
        try scan { scanner throws(ImportError) in
            fields.removeAll(keepingCapacity: true)
            for field in scanner.fields { fields.append(scanner.text(of: field)) }
            try body(Record(line: scanner.recordLine + firstLine - 1, number: scanner.recordNumber, fields: fields))
            if scanner.recordNumber % 4096 == 0 { progress(Double(scanner.offset - start) / size) }
        }
    }
}

/// File bytes that must be UTF-8 text.
enum TextFile {
    /// Where the text starts (after a byte-order mark), or an error at line 1 when the bytes are not UTF-8.
    static func start(of bytes: [UInt8], file: String) throws(ImportError) -> Int {
        guard (try? UTF8Span(validating: bytes.span)) != nil else {
            throw ImportError(file: file, .line(1), "the file is not UTF-8 text — save it as UTF-8 and import it again")
        }
        return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}
