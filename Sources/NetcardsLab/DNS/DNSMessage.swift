/// The part of the DNS wire format (RFC 1035 §4) the labs' server needs: a query's header and single question
/// read, and an answer of A and CNAME records (or NXDOMAIN) written.
public struct DNSQuery: Equatable, Sendable {
    public var id: UInt16
    /// The query's flags word; its RD bit and opcode are echoed in the response.
    public var flags: UInt16
    public var name: String
    public var type: UInt16
    public var qclass: UInt16

    public static let typeA: UInt16 = 1
    public static let typeCNAME: UInt16 = 5
    public static let classIN: UInt16 = 1

    public init(id: UInt16, flags: UInt16 = 0x0100, name: String, type: UInt16, qclass: UInt16 = classIN) {
        self.id = id
        self.flags = flags
        self.name = name
        self.type = type
        self.qclass = qclass
    }
}

public enum DNSWireError: Error, Equatable {
    case truncated
    case notAQuery
    case questionCount(Int)
    case badLabel
}

public enum DNSRecordData: Equatable, Sendable {
    case a(IPv4)
    case cname(String)
}

public struct DNSRecord: Equatable, Sendable {
    public var name: String
    public var ttl: UInt32
    public var data: DNSRecordData

    public init(name: String, ttl: UInt32, data: DNSRecordData) {
        self.name = name
        self.ttl = ttl
        self.data = data
    }
}

public struct IPv4: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var octets: [UInt8]
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) { octets = [a, b, c, d] }
    public var description: String { octets.map(String.init).joined(separator: ".") }
}

public enum DNSResponseCode: UInt16, Sendable {
    case noError = 0
    case formatError = 1
    case nameError = 3
    case notImplemented = 4
}

public enum DNSWire {
    /// Reads a query: the header and exactly one question (anything after it, such as EDNS, is ignored).
    public static func parseQuery(_ bytes: [UInt8]) throws(DNSWireError) -> DNSQuery {
        var reader = Reader(bytes: bytes)
        let id = try reader.u16()
        let flags = try reader.u16()
        if flags & 0x8000 != 0 { throw .notAQuery }
        let questions = Int(try reader.u16())
        _ = try reader.u16()  // answers
        _ = try reader.u16()  // authority
        _ = try reader.u16()  // additional
        if questions != 1 { throw .questionCount(questions) }
        let name = try reader.name()
        return DNSQuery(id: id, flags: flags, name: name, type: try reader.u16(), qclass: try reader.u16())
    }

    /// The response to `query`: authoritative, RD echoed, no recursion available.
    public static func response(to query: DNSQuery, code: DNSResponseCode, answers: [DNSRecord]) -> [UInt8] {
        var out: [UInt8] = []
        let flags: UInt16 = 0x8000 | (query.flags & 0x7800) | 0x0400 | (query.flags & 0x0100) | code.rawValue
        for value in [query.id, flags, 1, UInt16(answers.count), 0, 0] { out.append(u16: value) }
        out.append(name: query.name)
        out.append(u16: query.type)
        out.append(u16: query.qclass)
        for record in answers {
            out.append(name: record.name)
            let rdata: [UInt8]
            switch record.data {
            case .a(let address):
                out.append(u16: DNSQuery.typeA)
                rdata = address.octets
            case .cname(let target):
                out.append(u16: DNSQuery.typeCNAME)
                var encoded: [UInt8] = []
                encoded.append(name: target)
                rdata = encoded
            }
            out.append(u16: DNSQuery.classIN)
            out.append(u16: UInt16(record.ttl >> 16))
            out.append(u16: UInt16(record.ttl & 0xFFFF))
            out.append(u16: UInt16(rdata.count))
            out.append(contentsOf: rdata)
        }
        return out
    }

    /// A response to bytes that are not a query we can read: FORMERR with the query's id, no question.
    public static func formatError(id: UInt16) -> [UInt8] {
        var out: [UInt8] = []
        for value in [id, 0x8000 | DNSResponseCode.formatError.rawValue, 0, 0, 0, 0] { out.append(u16: value) }
        return out
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func u8() throws(DNSWireError) -> UInt8 {
            guard offset < bytes.count else { throw .truncated }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func u16() throws(DNSWireError) -> UInt16 {
            UInt16(try u8()) << 8 | UInt16(try u8())
        }

        /// A question's name: labels only (a query has nothing earlier to point back to).
        mutating func name() throws(DNSWireError) -> String {
            var labels: [String] = []
            var length = 0
            while true {
                let count = Int(try u8())
                if count == 0 { break }
                if count > 63 { throw .badLabel }
                guard offset + count <= bytes.count else { throw .truncated }
                labels.append(String(decoding: bytes[offset..<offset + count], as: UTF8.self))
                offset += count
                length += count + 1
                if length > 255 { throw .badLabel }
            }
            return labels.joined(separator: ".")
        }
    }
}

private extension Array where Element == UInt8 {
    mutating func append(u16 value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func append(name: String) {
        for label in name.split(separator: ".") {
            let bytes = Array(label.utf8.prefix(63))
            append(UInt8(bytes.count))
            append(contentsOf: bytes)
        }
        append(0)
    }
}
