#if canImport(Glibc)
import Glibc
#endif

/// Swift's backtracer, on a crash or Ctrl-\ at a terminal, offers an interactive debugger and waits 30 s at
/// its prompt. It reads SWIFT_BACKTRACE while the runtime starts, before any of netcards runs, so the one way
/// to turn that off for ourselves is to set it and exec the binary again (only at a terminal, where the
/// prompt would appear, and only when the learner hasn't set SWIFT_BACKTRACE).
public enum CrashReports {
    public static func neverWaitAtAPrompt() {
        guard getenv("SWIFT_BACKTRACE") == nil, isatty(STDIN_FILENO) == 1 || isatty(STDOUT_FILENO) == 1 else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // No /proc (or exec refused): carry on with the runtime's defaults.
    }
}
