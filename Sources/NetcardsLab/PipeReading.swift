import Foundation

public enum PipeReading {
    /// Everything a pipe gives until its end. FileHandle.readDataToEndOfFile traps when read(2) is interrupted by
    /// a signal (EINTR: Ctrl-C while netcards waits, SIGCHLD); this retries instead.
    public static func readToEnd(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(handle.fileDescriptor, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }
}
