/// Where in an imported file a problem is: a line of a text file or a note of an Anki package.
public enum ImportLocation: Hashable, Sendable {
    case line(Int)
    case note(Int64)
}

/// One problem in one imported file, with what to do about it.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: ImportLocation?
    public var message: String

    public init(file: String, _ location: ImportLocation?, _ message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        switch location {
        case .line(let line): "\(file):\(line): \(message)"
        case .note(let id): "\(file): note \(id): \(message)"
        case nil: "\(file): \(message)"
        }
    }
}

/// Why an import was refused. Nothing is written when there is one.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]
    public static let reportLimit = 20

    public init(_ problems: [ImportProblem]) { self.problems = problems }

    public init(file: String, _ location: ImportLocation?, _ message: String) {
        self.init([ImportProblem(file: file, location, message)])
    }

    public var description: String {
        var lines = problems.prefix(Self.reportLimit).map(\.description)
        if problems.count > Self.reportLimit {
            lines.append("… and \(problems.count - Self.reportLimit) more problems (\(problems.count) in all)")
        }
        return lines.joined(separator: "\n")
    }
}
