import Foundation
import NetcardsTestSupport
import Testing

/// The release binary `make release` builds (what `make install` installs and the benchmark times): Swift's
/// runtime and Foundation linked in, stripped. It runs only when that binary exists — a release build costs
/// minutes, so `make test` alone doesn't make one; `make release-check` builds it and runs these tests.
@Suite(.enabled(if: ReleaseBinary.url != nil, "no release build: `make release-check` builds one and runs these"))
struct ReleaseBinaryTests {
    /// The shared libraries it may load: the C library; the ones the code calls (SQLite, libedit, and zstd and
    /// zlib for Anki packages); the C++ runtime that Swift's runtime and ICU, linked in, are written against;
    /// and whatever those load themselves.
    static let allowedLibraries = ["linux-vdso.so", "ld-linux-x86-64.so", "ld-linux-aarch64.so", "libc.so", "libm.so",
                                   "libsqlite3.so", "libedit.so", "libzstd.so", "libz.so", "libstdc++.so", "libgcc_s.so"]

    @Test func loadsNoSwiftRuntimeOnlyTheSystemLibraries() throws {
        let binary = try #require(ReleaseBinary.url)
        let loaded = try SharedLibraries.of(binary.path)
        #expect(!loaded.isEmpty, "ldd listed nothing for \(binary.path)")
        var allowed = Set(Self.allowedLibraries)
        for library in loaded where Self.allowedLibraries.contains(library.name) {
            guard let path = library.path else { continue }
            allowed.formUnion(try SharedLibraries.of(path).map(\.name))
        }
        let unexpected = loaded.map(\.name).filter { !allowed.contains($0) }
        #expect(unexpected.isEmpty, "\(binary.path) loads \(unexpected.joined(separator: ", "))")
        #expect(!loaded.contains { $0.name.hasPrefix("libswift") || $0.name.hasPrefix("libFoundation") || $0.name.hasPrefix("libdispatch") })
    }

    @Test func isStripped() throws {
        let binary = try #require(ReleaseBinary.url)
        let sections = try ELFSections.names(of: binary)
        #expect(sections.contains(".text"), "not an ELF file with sections: \(binary.path)")
        #expect(!sections.contains(".symtab"), "\(binary.path) still has its symbol table")
    }

    /// Foundation and ICU linked in statically still work: a date from NETCARDS_NOW, a store, the bundled decks.
    @Test func runsACommandOnAStore() throws {
        let binary = try #require(ReleaseBinary.url)
        let sandbox = try Sandbox()
        let env = ["NETCARDS_DB": sandbox.storePath]
        let version = try sandbox.run(["--version"], env: env, db: .unnamed, executable: binary)
        #expect(version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version)")
        let status = try sandbox.run([], env: env, db: .unnamed, executable: binary)
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("netcards · 2026-11-28"), "\(status)")
    }
}

enum ReleaseBinary {
    /// NETCARDS_RELEASE_BINARY, else `release/netcards` beside the `debug` folder the tests' netcards is in.
    static let url: URL? = {
        if let path = ProcessInfo.processInfo.environment["NETCARDS_RELEASE_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        guard let debug = try? NetcardsBinary.require() else { return nil }
        let release = debug.deletingLastPathComponent().deletingLastPathComponent().appending(path: "release/netcards")
        return FileManager.default.isExecutableFile(atPath: release.path) ? release : nil
    }()
}

enum SharedLibraries {
    struct Library {
        /// Without the version: `libc.so` for `libc.so.6`.
        var name: String
        var path: String?
    }

    /// What the dynamic loader loads for `path`, as `ldd` lists it.
    static func of(_ path: String) throws -> [Library] {
        let text = try runProgram(URL(fileURLWithPath: "/usr/bin/ldd"), [path], environment: ProcessInfo.processInfo.environment).stdout
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first, first.contains(".so") else { return nil }
            let file = first.split(separator: "/").last.map(String.init) ?? String(first)
            let name = file.range(of: ".so").map { String(file[..<$0.upperBound]) } ?? file
            let path = words.count > 2 && words[1] == "=>" && words[2].hasPrefix("/") ? String(words[2])
                : first.hasPrefix("/") ? String(first) : nil
            return Library(name: name, path: path)
        }
    }
}

/// Section names of a 64-bit little-endian ELF file, read from its section header table.
enum ELFSections {
    struct NotELF: Error {}

    static func names(of url: URL) throws -> Set<String> {
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        guard data.count > 64, data.prefix(4) == Data([0x7F, 0x45, 0x4C, 0x46]), data[4] == 2, data[5] == 1 else { throw NotELF() }
        func integer(_ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
        }
        let tableOffset = integer(0x28, 8), entrySize = integer(0x3A, 2), count = integer(0x3C, 2), namesIndex = integer(0x3E, 2)
        guard tableOffset + count * entrySize <= data.count, namesIndex < count else { throw NotELF() }
        let namesOffset = integer(tableOffset + namesIndex * entrySize + 0x18, 8)
        return Set((0..<count).map { index in
            var start = namesOffset + integer(tableOffset + index * entrySize, 4)
            var bytes: [UInt8] = []
            while start < data.count, data[start] != 0 { bytes.append(data[start]); start += 1 }
            return String(decoding: bytes, as: UTF8.self)
        })
    }
}
