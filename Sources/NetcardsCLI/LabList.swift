import NetcardsCore
import NetcardsLab
import NetcardsStore
import NetcardsTerminal

/// `netcards lab`'s table: each lab, what it teaches, its tools (installed here or the package to install), and
/// the learner's status.
enum LabList {
    static func render(workspace: Workspace) throws -> TerminalText {
        let today = workspace.clock.today
        let records = Dictionary(try workspace.store.labRecords().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = LabCatalogue.all.map { lab in
            [lab.name, lab.summary, tools(lab.tools, path: workspace.environment["PATH"]), status(records[lab.name], today: today)]
        }
        return TextTable.render(header: ["lab", "what it teaches", "tools", "status"], rows: rows, style: workspace.style)
    }

    static func tools(_ tools: [LabTool], path: String?) -> String {
        tools.map { tool in
            tool.path(searching: path) == nil ? "\(tool.command) (missing: apt install \(tool.package))" : tool.command
        }.joined(separator: ", ")
    }

    static func status(_ record: LabRecord?, today: StudyDay) -> String {
        guard let record, record.attempts > 0 else { return "never tried" }
        if let due = record.due, due <= today { return "due" }
        return record.lastSolved.map { "solved on \($0.iso)" } ?? "tried, not solved"
    }

    /// The line review ends with: "1 lab due: netcards lab dns".
    static func reminder(store: NetcardsStore, today: StudyDay) throws -> TerminalText? {
        let due = try store.dueLabs(onOrBefore: today)
        guard !due.isEmpty else { return nil }
        return "\(due.count) lab\(due.count == 1 ? "" : "s") due: " + due.map { "netcards lab \($0)" }.joined(separator: ", ")
    }
}
