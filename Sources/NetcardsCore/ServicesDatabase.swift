/// Reads the system's services database (/etc/services): `name port/protocol aliases... # comment`.
public enum ServicesDatabase {
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var port: Int
        public var transport: String
        public var aliases: [String]
    }

    public static func parse(_ text: String) -> [Entry] {
        text.split(separator: "\n").compactMap { rawLine in
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2 else { return nil }
            let portAndProtocol = fields[1].split(separator: "/")
            guard portAndProtocol.count == 2, let port = Int(portAndProtocol[0]) else { return nil }
            return Entry(name: String(fields[0]), port: port, transport: String(portAndProtocol[1]),
                         aliases: fields.dropFirst(2).map(String.init))
        }
    }
}
