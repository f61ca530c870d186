import Foundation

enum RouteLab {
    static let destination = "203.0.113.9"

    static let lab = Lab(name: "route", summary: "ask the kernel which interface and gateway a packet would take",
                         tools: [.ip]) { environment throws(LabError) in
        let route = try KernelRoute.lookup(destination, environment: environment)
        let via = route.gateway.map { " via \($0)" } ?? ""
        return RunningLab(
            briefing: ["No service this time: the question is about this machine's own routing table."],
            questions: [LabQuestion(
                text: "Which network interface would this machine use to reach \(destination)?",
                accepted: [route.device],
                hints: ["The kernel can tell you which route it would pick for one destination, without sending anything.",
                        "`ip route get \(destination)` — the word after `dev` is the interface."],
                howToSee: "`ip route get \(destination)` says \(destination)\(via) dev \(route.device).")],
            services: nil)
    }
}

/// The kernel's choice of route for one destination, read from `ip -j route get` (iproute2).
struct KernelRoute: Equatable {
    var device: String
    var gateway: String?

    static func lookup(_ destination: String, environment: [String: String]) throws(LabError) -> KernelRoute {
        guard let ip = LabTool.ip.path(searching: environment["PATH"]) else {
            throw LabError("the route lab asks the kernel with `ip`, and \(LabTool.ip.missingMessage)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ip)
        process.arguments = ["-j", "route", "get", destination]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw LabError("could not run \(ip): \(error.localizedDescription)") }
        let data = PipeReading.readToEnd(output.fileHandleForReading)
        let problem = String(decoding: PipeReading.readToEnd(errors.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LabError("this machine has no route to \(destination) (`ip route get \(destination)`: \(problem.trimmingCharacters(in: .whitespacesAndNewlines))), so the route lab can't run here")
        }
        guard let routes = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]],
              let device = routes.first?["dev"] as? String else {
            throw LabError("`ip -j route get \(destination)` printed no route this netcards understands")
        }
        return KernelRoute(device: device, gateway: routes.first?["gateway"] as? String)
    }
}
