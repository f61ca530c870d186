import Foundation

enum ToolSearch {
    static func find(_ command: String, in pathVariable: String?) -> String? {
        let folders = (pathVariable ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin").split(separator: ":")
        for folder in folders where !folder.isEmpty {
            let candidate = "\(folder)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
