#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NetcardsCore
import NetcardsStore

/// Everything an import will load, read from every file before anything is written.
public struct ImportPlan: Sendable {
    public var decks: [ImportedDeck]
    public var history: [ImportedCardHistory]
    /// Notes that made no card (an Anki note whose front is only an image), one line each.
    public var warnings: [String]
    public var files: [(path: String, format: ImportFormat)]

    public var cardCount: Int { decks.reduce(0) { $0 + $1.cardCount } }
}

/// Reads files of every format netcards imports into one plan. It reads, it never writes the store;
/// `NetcardsStore.loadImport` loads the plan in one transaction.
public struct DeckImporter {
    public let options: ImportOptions

    public init(options: ImportOptions) { self.options = options }

    /// Reads every file; every problem in every file is reported together, and then nothing is loaded.
    /// `progress` gets the fraction done (0…1) and the file being read.
    public func read(_ paths: [String], progress: (Double, String) -> Void = { _, _ in }) throws(ImportError) -> ImportPlan {
        try plan(paths, progress: progress, unpackedAnkiCollection: false)
    }

    /// Reads the SQLite collection of an Anki package already taken out of it (`collection.anki2`) exactly as
    /// `read` reads the package once unpacked: header, values, history, deck assembly. The file is treated as
    /// the private copy it would be (switched out of WAL mode if it is in it). For the fuzz target, which
    /// feeds the reader hostile collections without zipping each one.
    public func readUnpackedAnkiCollection(_ path: String) throws(ImportError) -> ImportPlan {
        try plan([path], progress: { _, _ in }, unpackedAnkiCollection: true)
    }

    private func plan(_ paths: [String], progress: (Double, String) -> Void,
                      unpackedAnkiCollection: Bool) throws(ImportError) -> ImportPlan {
        var assembler = DeckAssembler(options: options)
        var problems: [ImportProblem] = []
        var files: [(String, ImportFormat)] = []
        let sizes = paths.map { path in
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.doubleValue ?? 0
        }
        let total = max(1, sizes.reduce(0, +))
        var done = 0.0
        for (path, size) in zip(paths, sizes) {
            func report(_ fraction: Double) { progress(min(1, (done + fraction * size) / total), path) }
            do {
                let format = unpackedAnkiCollection ? try readCollection(path, into: &assembler, progress: report)
                    : try readFile(path, into: &assembler, progress: report)
                files.append((path, format))
            } catch {
                problems += error.problems
            }
            done += size
            report(0)
        }
        assembler.refuseRepeatedIds()
        problems += assembler.problems
        if !problems.isEmpty { throw ImportError(Self.inFileOrder(problems, paths: paths)) }
        let decks = assembler.result
        if decks.isEmpty, let first = paths.first {
            throw ImportError(file: first, nil, "has no cards to import")
        }
        return ImportPlan(decks: decks, history: assembler.history, warnings: assembler.warnings, files: files)
    }

    /// Problems by file (in the order given), then by line or note.
    private static func inFileOrder(_ problems: [ImportProblem], paths: [String]) -> [ImportProblem] {
        func key(_ problem: ImportProblem) -> (Int, Int64) {
            let file = paths.firstIndex(of: problem.file) ?? paths.count
            switch problem.location {
            case .line(let line): return (file, Int64(line))
            case .note(let id): return (file, id)
            case nil: return (file, 0)
            }
        }
        return problems.enumerated().sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    private func readCollection(_ path: String, into assembler: inout DeckAssembler,
                                progress: (Double) -> Void) throws(ImportError) -> ImportFormat {
        let notes = try ApkgReader.readCollection(URL(fileURLWithPath: path), file: path, options: options, progress: progress)
        assembler.add(notes, file: path, lenient: true)
        return .ankiPackage
    }

    private func readFile(_ path: String, into assembler: inout DeckAssembler,
                          progress: (Double) -> Void) throws(ImportError) -> ImportFormat {
        let url = URL(fileURLWithPath: path)
        try Self.checkIsRegularFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(file: path, nil, "cannot be read — check its permissions")
        }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        try? handle.close()
        guard let format = ImportFormat.detect(path: path, head: head) else {
            throw ImportError(file: path, nil, "not a deck netcards can read — netcards imports: \(ImportFormat.readableList)")
        }
        if format == .ankiPackage {
            let notes = try ApkgReader.read(url, file: path, options: options, progress: progress)
            assembler.add(notes, file: path, lenient: true)
            return format
        }
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: url)) } catch {
            throw ImportError(file: path, nil, "cannot be read (\(error.localizedDescription))")
        }
        switch format {
        case .markdown: assembler.add(try MarkdownReader.read(bytes, file: path), file: path)
        case .csv, .tsv:
            let problems = try CSVDeckReader.read(bytes, file: path, tabSeparated: format == .tsv, progress: progress) { note in
                assembler.add(note, file: path, lenient: false)
            }
            if !problems.isEmpty { throw ImportError(problems) }
        case .ankiText:
            try AnkiTextReader.read(bytes, file: path, progress: progress) { assembler.add($0, file: path, lenient: true) }
        case .ankiPackage: break
        }
        return format
    }
}

extension DeckImporter {
    /// Only regular files are imported. A FIFO, `<(…)` or device is refused rather than read: the format is told
    /// from the name and first bytes and the file then read again (a package needs random access besides), which
    /// a stream cannot give, and a device such as /dev/zero never ends. Saving it to a file first costs nothing.
    static func checkIsRegularFile(_ path: String) throws(ImportError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw ImportError(file: path, nil, "no such file — check the path") }
            throw ImportError(file: path, nil, "cannot be read (\(String(cString: strerror(code)))) — check its permissions")
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw ImportError(file: path, nil, "is a folder — name the deck files in it")
        case S_IFIFO: kind = "a pipe (a FIFO, or `<(…)`)"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        default: kind = "a socket"
        }
        throw ImportError(file: path, nil, "is not a regular file but \(kind) — netcards imports deck files it can read twice; save the content to a file first (`… > deck.csv`) and import that")
    }

    /// Decks of the plan that may not be written: a bundled deck belongs to netcards (the next start would put
    /// its cards back). Each message says what to do instead.
    public static func refusedTargets(_ plan: ImportPlan, existing: [DeckSummary]) -> [String] {
        let bundled = Set(existing.filter { $0.source == DeckSource.bundled.rawValue }.map(\.deck))
        return plan.decks.map(\.name).filter(bundled.contains).map { name in
            "`\(name)` is one of netcards' bundled decks — import into another deck with --deck NAME"
        }
    }
}
