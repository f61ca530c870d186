/// Checks a CSV's quoting the way RFC 4180 asks, and finds the line each record starts on.
/// It splits nothing (CSV.swift reads the fields); it reports what CSV.swift would silently accept:
/// a quoted field that never closes, or text right after a closing quote.
enum CSVRecordScanner {
    struct Failure: Error {
        var line: Int
        var record: Int
        var message: String
    }

    /// The 1-based line on which each record starts, in the order CSV.swift reads them
    /// (an empty line is a record of one empty field; a final line break starts no record).
    static func recordLines(_ bytes: [UInt8], delimiter: UInt8) throws(Failure) -> [Int] {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var starts: [Int] = []
        var line = 1
        var index = 0
        let count = bytes.count
        var atRecordStart = true
        while index < count {
            if atRecordStart {
                starts.append(line)
                atRecordStart = false
            }
            if bytes[index] == quote {
                let openLine = line
                index += 1
                while true {
                    guard index < count else {
                        throw Failure(line: openLine, record: starts.count,
                                      message: "a quoted field opens here and never closes — add the closing `\"`, or double a `\"` that belongs to the text (`\"\"`)")
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < count && bytes[index + 1] == quote { index += 2; continue }
                        index += 1
                        break
                    }
                    if byte == lf || (byte == cr && (index + 1 >= count || bytes[index + 1] != lf)) { line += 1 }
                    index += 1
                }
                guard index < count else { break }
                let next = bytes[index]
                if next != delimiter && next != lf && next != cr {
                    throw Failure(line: line, record: starts.count,
                                  message: "text follows the closing `\"` of a quoted field — put the whole field in quotes and write a `\"` inside it as `\"\"`")
                }
            } else {
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    index += 1
                }
                guard index < count else { break }
            }
            let byte = bytes[index]
            index += 1
            if byte == lf {
                line += 1
                atRecordStart = true
            } else if byte == cr {
                if index < count && bytes[index] == lf { index += 1 }
                line += 1
                atRecordStart = true
            }
        }
        return starts
    }
}
