import CSV
import Foundation

/// The records of a delimited text file, read by CSV.swift (RFC 4180 quoting), each with the line it starts on.
struct CSVRows {
    struct Record {
        var line: Int
        /// 1-based, as a person counts records.
        var number: Int
        var fields: [String]

        var isBlank: Bool { fields.count == 1 && fields[0].isEmpty }
    }

    let records: [Record]

    /// `firstLine`: the line of the file that `text` starts on (after header lines that were cut off).
    /// `headerRecords`: records before the data (a header row), left out when a message counts records.
    init(text: String, delimiter: Unicode.Scalar, file: String, firstLine: Int = 1, headerRecords: Int = 0,
         progress: (Double) -> Void = { _ in }) throws(ImportError) {
        let bytes = Array(text.utf8)
        let lines: [Int]
        do {
            lines = try CSVRecordScanner.recordLines(bytes, delimiter: UInt8(ascii: delimiter))
        } catch {
            let record = error.record - headerRecords
            throw ImportError(file: file, .line(error.line + firstLine - 1),
                              record >= 1 ? "record \(record): \(error.message)" : error.message)
        }
        var records: [Record] = []
        records.reserveCapacity(lines.count)
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
            while let fields = reader.next() {
                let index = records.count
                let line = index < lines.count ? lines[index] : (lines.last ?? 1)
                records.append(Record(line: line + firstLine - 1, number: index + 1, fields: fields))
                if index % 4096 == 0 { progress(Double(index) / Double(max(1, lines.count))) }
            }
            if let error = reader.error { throw error }
        } catch {
            throw ImportError(file: file, nil, "could not read the file as delimited text (\(error)) — save it as UTF-8 CSV")
        }
        self.records = records
    }
}

/// File bytes as text: UTF-8 (a byte-order mark is dropped), else an error at line 1.
enum TextFile {
    static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError(file: file, .line(1), "the file is not UTF-8 text — save it as UTF-8 and import it again")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
