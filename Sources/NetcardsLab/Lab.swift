import NetcardsCore

/// One question of a lab run, with the ground truth of this run.
public struct LabQuestion: Sendable {
    public var text: String
    /// Every accepted answer; the first is the one shown on :give-up.
    public var accepted: [String]
    /// Two or three, each pointing closer at the tool and flags that show the answer.
    public var hints: [String]
    /// Shown on :give-up: the command that shows the answer, and where in its output to look.
    public var howToSee: String
}

/// A lab whose services are up: what to tell the learner, what to ask, and how to stop it.
public final class RunningLab: Sendable {
    public let briefing: [String]
    public let questions: [LabQuestion]
    private let services: LoopbackServices?

    init(briefing: [String], questions: [LabQuestion], services: LoopbackServices?) {
        self.briefing = briefing
        self.questions = questions
        self.services = services
    }

    /// Stops every service of the run: nothing listens any more once this returns.
    public func stop() { services?.stop() }
}

/// A command-line tool a lab teaches, and the Debian package that provides it.
public struct LabTool: Hashable, Sendable {
    public var command: String
    public var package: String

    public static let dig = LabTool(command: "dig", package: "dnsutils")
    public static let curl = LabTool(command: "curl", package: "curl")
    public static let ss = LabTool(command: "ss", package: "iproute2")
    public static let ip = LabTool(command: "ip", package: "iproute2")
    public static let nc = LabTool(command: "nc", package: "netcat-openbsd")

    /// The tool's path in `PATH`, if it is installed.
    public func path(searching pathVariable: String?) -> String? {
        ToolSearch.find(command, in: pathVariable)
    }

    public var missingMessage: String {
        "\(command) is not installed here: on Debian/Ubuntu, `sudo apt install \(package)`."
    }
}

public struct Lab: Sendable {
    public var name: String
    /// What the lab teaches, in a line.
    public var summary: String
    public var tools: [LabTool]
    let start: @Sendable (_ environment: [String: String]) throws(LabError) -> RunningLab

    /// Starts the lab's services; the caller must `stop()` the run.
    public func run(environment: [String: String]) throws(LabError) -> RunningLab { try start(environment) }

    /// The lab's card in the `labs` deck.
    public var cardId: String { "\(LabCatalogue.deckName)/\(name)" }
}
