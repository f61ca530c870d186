/// Text from an imported file quoted in an error message: at most `limit` characters, then `…`, so a hostile
/// line (a header of 100,000 columns) cannot turn one message into megabytes. The message names file and line.
enum Quoted {
    static let limit = 80

    static func excerpt(_ text: some StringProtocol) -> String {
        text.count <= limit ? String(text) : String(text.prefix(limit)) + "…"
    }
}
