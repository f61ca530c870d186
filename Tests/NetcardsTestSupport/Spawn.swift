import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc's POSIX_SPAWN_SETSID (<spawn.h>, glibc ≥ 2.26). The Swift Glibc module doesn't see it: it sits
/// behind __USE_GNU.
private let spawnSetSID: Int32 = 0x80

/// posix_spawn_file_actions_addclosefrom_np (glibc ≥ 2.34), also behind __USE_GNU: looked up at run time.
/// Closes every other descriptor in the child, so pipes of tests running in parallel don't leak into it.
private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
private let addCloseFrom: AddCloseFrom? = glibcSymbol("posix_spawn_file_actions_addclosefrom_np")

/// posix_spawn_file_actions_addchdir_np (glibc ≥ 2.29), behind __USE_GNU too: the child's working directory.
private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
private let addChdir: AddChdir? = glibcSymbol("posix_spawn_file_actions_addchdir_np")

private func glibcSymbol<Function>(_ name: String) -> Function? {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else { return nil }
    return unsafeBitCast(symbol, to: Function.self)
}

package struct SpawnFailure: Error, CustomStringConvertible {
    package var description: String
    package init(description: String) { self.description = description }
}

/// How the child's standard descriptors are set up.
package enum ChildStandardIO {
    /// Open this path read-write as fds 0, 1 and 2 (a pseudo-terminal's slave: after setsid it becomes the
    /// controlling terminal).
    case terminal(path: String)
    /// dup2 these descriptors onto 0, 1 and 2.
    case descriptors(stdin: Int32, stdout: Int32, stderr: Int32)
}

/// The one way the end-to-end and reliability tests start netcards (and sqlite3, sh, mount …).
/// Starts a process as a shell would: every signal at its default disposition and none blocked, whatever
/// the calling thread has. (Foundation.Process doesn't do that: a child started from a Dispatch worker thread
/// inherits its mask, with SIGINT, SIGTERM and SIGHUP blocked, so signals sent to it never arrive.)
/// `directory` is the child's working directory (the caller's when nil).
package func spawnProcess(_ executable: URL, arguments: [String], environment: [String: String], io: ChildStandardIO,
                          newSession: Bool, directory: String? = nil) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    switch io {
    case .terminal(let path):
        // Opened after setsid (glibc applies POSIX_SPAWN_SETSID before the file actions), without O_NOCTTY.
        posix_spawn_file_actions_addopen(&actions, 0, path, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
    case .descriptors(let stdin, let stdout, let stderr):
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
    }
    if let addCloseFrom { _ = addCloseFrom(&actions, 3) }
    if let directory {
        guard let addChdir else { throw SpawnFailure(description: "this C library cannot start a process in \(directory)") }
        _ = addChdir(&actions, directory)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    let flags = (newSession ? spawnSetSID : 0) | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
        throw SpawnFailure(description: "posix_spawn \(executable.path) failed: \(String(cString: strerror(spawned)))")
    }
    return pid
}

/// The exit code from a waitpid status, or 128 + the signal that ended the process.
package func exitCode(fromWaitStatus status: Int32) -> Int32 {
    (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}
