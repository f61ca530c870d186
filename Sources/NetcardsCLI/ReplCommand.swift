/// The `:` commands understood at every prompt of review and quiz.
enum ReplCommand: String, CaseIterable {
    case undo, skip, suspend, accept, stats, help, quit

    static let completions = allCases.map { ":" + $0.rawValue }

    /// nil when the line is not a command; `.failure` names an unknown one.
    static func parse(_ line: String) -> Result<ReplCommand, UnknownCommand>? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":") else { return nil }
        let name = trimmed.dropFirst().lowercased()
        if let command = ReplCommand(rawValue: name) { return .success(command) }
        if name == "q" { return .success(.quit) }
        return .failure(UnknownCommand(name: String(trimmed)))
    }

    struct UnknownCommand: Error { var name: String }

    static let helpText = """
        Type the answer and press Enter (Enter alone reveals it). Then grade yourself:
          0-5   SM-2's grades: 0-2 forgot, 3 hard, 4 good, 5 easy
          a h g e   again (1), hard (3), good (4), easy (5); Enter takes the suggested grade
        Commands (Tab completes them):
          :undo     take back the last grade, suspend or accept, back to that card's grade prompt
          :skip     put this card at the end of the run     :suspend  never show this card again
          :accept   after ≈ or ✗: your answer was right; it is accepted from now on
          :stats    this run so far     :help     this text     :quit     end the run (Ctrl-D too)
        """
}
