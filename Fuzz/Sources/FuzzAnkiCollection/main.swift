import FuzzSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libFuzzer's driver, with libFuzzer's flags from the command line (-runs=N, -max_len=N, corpus folders…);
// the input function is `fuzzAnkiCollection`, next to this file.
var argumentCount = CommandLine.argc
var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &arguments, fuzzAnkiCollection))
