import Foundation

package enum NetcardsBinary {
    package struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        package var description: String {
            "cannot find the built netcards binary (looked for debug/netcards above \(searched.joined(separator: ", "))). "
                + "Run the tests with `swift test` (it builds the executable), or set NETCARDS_BINARY."
        }
    }

    /// The netcards built with this test bundle: `swift test` builds every product, so it sits beside the
    /// test product in the same build folder (`.build/<triple>/debug/netcards`). Searched upward from the
    /// running test binary, so a custom `--scratch-path` finds its own build. NETCARDS_BINARY overrides.
    package static let located: Result<URL, NotFound> = locate()

    package static func require() throws -> URL { try located.get() }

    /// The path, for callers that let the spawn fail naming it when the binary is missing.
    package static var path: String { (try? located.get().path) ?? "netcards" }

    private static func locate() -> Result<URL, NotFound> {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["NETCARDS_BINARY"], !override.isEmpty {
            return .success(URL(fileURLWithPath: override))
        }
        var starts: [URL] = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        #if os(Linux)
        starts.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        #endif
        starts.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL { starts.append(executable.deletingLastPathComponent()) }
        var searched: [String] = []
        for start in starts {
            for base in [start.standardizedFileURL, start.resolvingSymlinksInPath()] {
                var folder = base
                searched.append(folder.path)
                while true {
                    let candidates = folder.lastPathComponent == "debug"
                        ? [folder.appending(path: "netcards")]
                        : [folder.appending(path: "debug/netcards")]
                    for candidate in candidates where isExecutableFile(candidate) { return .success(candidate) }
                    let parent = folder.deletingLastPathComponent()
                    if parent.path == folder.path { break }
                    folder = parent
                }
            }
        }
        return .failure(NotFound(searched: searched))
    }

    private static func isExecutableFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }
}
