import Foundation
import Testing
import NetcardsStore

/// A file netcards writes is either complete or not there: temp file in the same folder, renamed when whole.
@Suite("Writing files safely")
final class SafeFileTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() }

    struct Interrupted: Error {}

    @Test func aFailedWriteLeavesNeitherTempFileNorChange() throws {
        let target = folder.path("export.csv")
        #expect(FileManager.default.createFile(atPath: target, contents: Data("the old export\n".utf8)))
        #expect(throws: StoreError.self) {
            try SafeFile.write(to: .path(target), overwrite: true) { temp in
                try Data("half of the new".utf8).write(to: URL(fileURLWithPath: temp))
                throw Interrupted()
            }
        }
        #expect(try names() == ["export.csv"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the old export\n")
    }

    @Test func aSymlinkIsWrittenThroughAndStaysASymlink() throws {
        let target = folder.path("real.csv")
        let link = folder.path("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.csv")
        try SafeFile.write(to: .path(link), overwrite: false) { temp in
            try Data("written through\n".utf8).write(to: URL(fileURLWithPath: temp))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.csv")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "written through\n")
        #expect(try names() == ["link.csv", "real.csv"])
    }

    @Test func aDeviceIsWrittenDirectly() throws {
        try SafeFile.write(to: .path("/dev/null"), overwrite: false) { temp in
            try Data("gone\n".utf8).write(to: URL(fileURLWithPath: temp))
        }
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test func aMissingFolderIsNamedAsMissing() throws {
        let target = folder.path("no-such-folder/copy.sqlite")
        do {
            try SafeFile.write(to: .path(target), overwrite: false) { _ in Issue.record("nothing should be produced") }
            Issue.record("a write into a missing folder succeeded")
        } catch {
            #expect(error.description.contains(folder.path("no-such-folder")) && error.description.contains("does not exist"), "\(error)")
        }
    }

    @Test func anExistingFileIsKeptUnlessOverwriting() throws {
        let target = folder.path("keep.sqlite")
        #expect(FileManager.default.createFile(atPath: target, contents: Data("mine".utf8)))
        expectStoreError(.invalidInput) {
            try SafeFile.write(to: .path(target), overwrite: false) { temp in
                try Data("theirs".utf8).write(to: URL(fileURLWithPath: temp))
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine")
        #expect(try names() == ["keep.sqlite"])
    }
}
