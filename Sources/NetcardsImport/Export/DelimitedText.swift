import CSV
import Foundation

/// CSV text written by CSV.swift (fields with commas, quotes or newlines quoted, RFC 4180).
enum DelimitedText {
    static func csv(header: [String], rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
