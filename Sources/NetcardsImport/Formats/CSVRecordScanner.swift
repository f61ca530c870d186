/// Splits delimited text into records the way RFC 4180 quotes them, one record at a time, finding where each
/// field's bytes are and the line each record starts on (an empty line is a record of one empty field; a final
/// line break starts no record). It refuses what a lenient reader would silently accept: a quoted field that
/// never closes, or text right after a closing quote.
struct CSVRecordScanner {
    struct Failure: Error {
        var line: Int
        var record: Int
        var message: String
    }

    /// Where a field's text is. In a quoted field (`bytes` inside the quotes) a `""` stands for one `"`.
    struct Field {
        var bytes: Range<Int>
        var quoted: Bool
    }

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    let bytes: [UInt8]
    private let delimiter: UInt8
    /// Where the next record starts.
    private(set) var offset: Int
    private var line = 1
    /// The record `next()` read last: how many records have been read, the line it starts on, and its fields.
    private(set) var recordNumber = 0
    private(set) var recordLine = 0
    private(set) var fields: [Field] = []

    /// Scans `bytes` from `start`; line 1 is the line `start` is on.
    init(_ bytes: [UInt8], from start: Int = 0, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
        offset = start
    }

    /// Reads the next record into `fields`; false at the end of the text.
    mutating func next() throws(Failure) -> Bool {
        let count = bytes.count
        guard offset < count else { return false }
        recordNumber += 1
        recordLine = line
        fields.removeAll(keepingCapacity: true)
        var index = offset
        defer { offset = index }
        while true {
            if bytes[index] == Self.quote {
                let openLine = line
                index += 1
                let start = index
                while true {
                    guard index < count else {
                        throw Failure(line: openLine, record: recordNumber,
                                      message: "a quoted field opens here and never closes — add the closing `\"`, or double a `\"` that belongs to the text (`\"\"`)")
                    }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < count && bytes[index + 1] == Self.quote { index += 2; continue }
                        break
                    }
                    if byte == Self.lf || (byte == Self.cr && (index + 1 >= count || bytes[index + 1] != Self.lf)) { line += 1 }
                    index += 1
                }
                fields.append(Field(bytes: start..<index, quoted: true))
                index += 1
                guard index < count else { return true }
                let next = bytes[index]
                if next != delimiter && next != Self.lf && next != Self.cr {
                    throw Failure(line: line, record: recordNumber,
                                  message: "text follows the closing `\"` of a quoted field — put the whole field in quotes and write a `\"` inside it as `\"\"`")
                }
            } else {
                let start = index
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == Self.lf || byte == Self.cr { break }
                    index += 1
                }
                fields.append(Field(bytes: start..<index, quoted: false))
                guard index < count else { return true }
            }
            let byte = bytes[index]
            index += 1
            if byte == Self.lf {
                line += 1
                return true
            }
            if byte == Self.cr {
                if index < count && bytes[index] == Self.lf { index += 1 }
                line += 1
                return true
            }
            if index == count {
                fields.append(Field(bytes: index..<index, quoted: false))
                return true
            }
        }
    }

    /// The text of a field of the record read last.
    func text(of field: Field) -> String {
        let raw = bytes[field.bytes]
        guard field.quoted, raw.contains(Self.quote) else { return String(decoding: raw, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            unescaped.append(raw[index])
            index += raw[index] == Self.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The 1-based line on which each record starts.
    static func recordLines(_ bytes: [UInt8], delimiter: UInt8) throws(Failure) -> [Int] {
        var scanner = CSVRecordScanner(bytes, delimiter: delimiter)
        var lines: [Int] = []
        while try scanner.next() { lines.append(scanner.recordLine) }
        return lines
    }
}
