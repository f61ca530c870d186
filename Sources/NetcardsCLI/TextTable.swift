import NetcardsTerminal

/// Plain aligned columns; the header is bold when colour is on. Cells are measured as shown, control
/// characters escaped.
enum TextTable {
    /// `below[i]`, when given, is printed as it is under row i (lines that don't fit a cell).
    static func render(header: [String], rows: [[String]], below: [[String]] = [], rightAligned: Set<Int> = [],
                       style: Style) -> TerminalText {
        let rows = rows.map { $0.map(ControlCharacters.escaped) }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [style.bold("\(line(header))")]
        for (index, row) in rows.enumerated() {
            lines.append("\(line(row))")
            if index < below.count { lines += below[index].map { TerminalText($0) } }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
