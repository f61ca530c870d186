/// Just enough protobuf to read the two numbers netcards needs from Anki: `PackageMetadata.version` (field 1 of
/// `meta`) and `Notetype.Config.kind` (field 1 of `notetypes.config`; 1 = cloze).
enum Protobuf {
    /// The value of the first varint field `number`, or nil when there is none (or the bytes are not protobuf).
    static func varint(field number: UInt64, in bytes: [UInt8]) -> UInt64? {
        var index = 0
        func readVarint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while index < bytes.count {
            guard let key = readVarint() else { return nil }
            let field = key >> 3
            switch key & 7 {
            case 0:
                guard let value = readVarint() else { return nil }
                if field == number { return value }
            case 1: index += 8
            case 2:
                guard let length = readVarint(), length <= UInt64(bytes.count - index) else { return nil }
                index += Int(length)
            case 5: index += 4
            default: return nil
            }
        }
        return nil
    }
}
