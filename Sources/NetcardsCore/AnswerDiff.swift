/// Marks which characters of a typed answer are not in the expected one (by longest common subsequence),
/// so the learner sees where they went wrong.
public enum AnswerDiff {
    /// For each character of `typed`: true when it is not part of the match with `expected`.
    public static func mismatches(typed: String, expected: String) -> [Bool] {
        let a = Array(typed.lowercased())
        let b = Array(expected.lowercased())
        guard !a.isEmpty else { return [] }
        guard !b.isEmpty else { return Array(repeating: true, count: a.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var marks = Array(repeating: true, count: a.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { marks[i] = false; i += 1; j += 1 }
            else if table[i + 1][j] >= table[i][j + 1] { i += 1 }
            else { j += 1 }
        }
        return marks
    }
}
