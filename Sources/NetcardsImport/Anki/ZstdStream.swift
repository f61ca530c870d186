import CZstd
import Foundation

/// Decompresses zstd as a stream: Anki's `collection.anki21b` frame does not record its size, so it can't be
/// decompressed in one call. Output goes to a sink chunk by chunk.
final class ZstdStream {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let stream: OpaquePointer
    private let outputSize = ZSTD_DStreamOutSize()
    private var output: [UInt8]
    /// zstd's last answer: 0 once a frame is complete and flushed.
    private var pending = 1

    init() throws(Failure) {
        guard let stream = ZSTD_createDStream() else { throw Failure(description: "zstd could not start") }
        self.stream = stream
        output = [UInt8](repeating: 0, count: outputSize)
        let result = ZSTD_initDStream(stream)
        if ZSTD_isError(result) != 0 { throw Failure(description: String(cString: ZSTD_getErrorName(result))) }
    }

    deinit { ZSTD_freeDStream(stream) }

    /// Feeds compressed bytes; every decompressed chunk is passed to `sink`.
    func feed(_ data: Data, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !data.isEmpty else { return }
        try data.withUnsafeBytes { (compressed: UnsafeRawBufferPointer) in
            var input = ZSTD_inBuffer(src: compressed.baseAddress, size: compressed.count, pos: 0)
            try output.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
                var full = false
                repeat {
                    var out = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
                    let result = ZSTD_decompressStream(stream, &out, &input)
                    if ZSTD_isError(result) != 0 {
                        throw Failure(description: String(cString: ZSTD_getErrorName(result)))
                    }
                    pending = result
                    if out.pos > 0 { try sink(UnsafeRawBufferPointer(start: buffer.baseAddress, count: out.pos)) }
                    full = out.pos == out.size
                } while input.pos < input.size || full
            }
        }
    }

    /// Throws unless the input ended exactly at the end of a frame.
    func finish() throws(Failure) {
        if pending != 0 { throw Failure(description: "the zstd data ends in the middle of a frame (the file is cut short)") }
    }
}
