/// Small text charts. Each works without colour: the glyphs alone tell the parts apart.
public enum Charts {
    public struct Segment: Sendable {
        public var value: Int
        public var glyph: Character
        /// An SGR code such as "32" (green), applied when the style is coloured.
        public var color: String?
        public init(value: Int, glyph: Character, color: String? = nil) {
            self.value = value
            self.glyph = glyph
            self.color = color
        }
    }

    /// A bar `width` cells long split in proportion to the segments (largest remainders get the spare cells).
    public static func stackedBar(_ segments: [Segment], width: Int, style: Style) -> TerminalText {
        let total = segments.reduce(0) { $0 + $1.value }
        guard total > 0, width > 0 else { return "\(String(repeating: " ", count: max(0, width)))" }
        let exact = segments.map { Double($0.value) * Double(width) / Double(total) }
        var cells = exact.map { Int($0) }
        let spare = width - cells.reduce(0, +)
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(cells[$0])) > (exact[$1] - Double(cells[$1])) }
        for index in byRemainder.prefix(spare) { cells[index] += 1 }
        return zip(segments, cells).map { segment, count in
            let cells: TerminalText = "\(String(repeating: segment.glyph, count: count))"
            return count == 0 ? "" : segment.color.map { style.paint(cells, $0) } ?? cells
        }.joined()
    }

    /// A horizontal bar for `value` out of `maximum`, in eighths of a cell.
    public static func bar(_ value: Int, maximum: Int, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let eighths = Int((Double(value) / Double(maximum) * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    private static let sparkGlyphs: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One glyph per value, scaled between 0 and `maximum`.
    public static func sparkline(_ values: [Double], maximum: Double) -> String {
        String(values.map { value in
            guard maximum > 0 else { return sparkGlyphs[0] }
            let index = Int((max(0, min(value, maximum)) / maximum * Double(sparkGlyphs.count - 1)).rounded())
            return sparkGlyphs[index]
        })
    }

    /// The glyph for a calendar cell: nothing studied, then four levels relative to the busiest day.
    public static func heatGlyph(_ count: Int, maximum: Int) -> Character {
        guard count > 0, maximum > 0 else { return "·" }
        let level = Int((Double(count) / Double(maximum) * 4).rounded(.up))
        return ["░", "▒", "▓", "█"][min(max(level, 1), 4) - 1]
    }
}
