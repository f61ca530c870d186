import Foundation
import NetcardsLab
import NetcardsTestSupport
import Testing

/// The real tools a learner runs beside a lab: dig, curl, ss, nc, ip. Each is run as a learner would and its
/// output parsed here, independently of netcards.
enum LabTools {
    static func run(_ arguments: [String]) throws -> ProcessResult {
        try runProgram(URL(fileURLWithPath: "/usr/bin/env"), arguments, environment: ProcessInfo.processInfo.environment)
    }

    struct Socket: Equatable {
        var address: String
        var port: Int
    }

    /// `ss -Htlnp` (or -Hulnp for UDP): the listening sockets of process `pid`, by local address and port.
    static func listening(pid: pid_t? = nil, udp: Bool = false) throws -> [Socket] {
        let output = try run(["ss", udp ? "-Hulnp" : "-Htlnp"])
        return output.stdout.split(separator: "\n").compactMap { line in
            if let pid, !line.contains("pid=\(pid),") { return nil }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 4, let colon = fields[3].lastIndex(of: ":"),
                  let port = Int(fields[3][fields[3].index(after: colon)...]) else { return nil }
            return Socket(address: String(fields[3][..<colon]), port: port)
        }
    }

    /// Every port something listens on (TCP and UDP), whoever owns it.
    static func allListeningPorts() throws -> Set<Int> {
        Set(try listening().map(\.port) + listening(udp: true).map(\.port))
    }

    /// dig's ANSWER SECTION as rows of (name, ttl, type, data).
    static func digAnswers(_ output: String) -> [(name: String, ttl: Int, type: String, data: String)] {
        guard let start = output.range(of: ";; ANSWER SECTION:\n") else { return [] }
        return output[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .compactMap { line in
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard fields.count >= 5, let ttl = Int(fields[1]) else { return nil }
                return (fields[0], ttl, fields[3], fields[4])
            }
    }

    /// The `127.0.0.1:PORT` endpoints printed in `text`, in order.
    static func endpoints(in text: String) -> [Int] {
        text.matches(of: /127\.0\.0\.1:(\d+)/).compactMap { Int($0.output.1) }
    }
}

extension Sandbox {
    /// `netcards lab NAME` through pipes, once its first `answer> ` prompt is up.
    func startLab(_ name: String, env: [String: String] = [:]) throws -> RunningProgram {
        let session = try pipedSession(["lab", name], env: env)
        try session.expect("answer> ")
        return session
    }

    func stats() throws -> StatsOutput { try decoded(["stats", "--json"]) }

    /// The review log's rows (`export --format log`) as CSV lines without the header.
    func logLines() throws -> [String] {
        let file = path("log-\(UUID().uuidString).csv")
        let result = try run(["export", "--format", "log", file])
        try #require(result.status == 0, "\(result)")
        return try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
    }
}
