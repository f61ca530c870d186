#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

/// The sockets one lab run owns, all on one event-loop thread inside netcards: listeners on ports the kernel
/// chooses, and reserved ports (bound, never listening, so a connection to them is refused and nothing else
/// can take them while the lab runs). `stop()` closes every one of them; a killed or crashed netcards leaves
/// none behind either, since they live and die with the process.
public final class LoopbackServices: @unchecked Sendable {
    public static let loopback = "127.0.0.1"

    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channels: [Channel] = []
    private var reserved: [Int32] = []
    private var stopped = false

    init() {}

    /// Runs `body` with new services, stopping them if it fails.
    static func start(_ body: (LoopbackServices) throws(LabError) -> RunningLab) throws(LabError) -> RunningLab {
        let services = LoopbackServices()
        do {
            return try body(services)
        } catch {
            services.stop()
            throw error
        }
    }

    /// A TCP listener whose accepted connections get the handlers `initializer` adds.
    func listenTCP(host: String = loopback, port: Int = 0,
                   _ initializer: @escaping @Sendable (Channel) throws -> Void) throws(LabError) -> Int {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try initializer(channel) }
            }
        return try keep(host: host, port: port) { try bootstrap.bind(host: host, port: port).wait() }
    }

    func listenUDP(host: String = loopback, port: Int = 0,
                   _ initializer: @escaping @Sendable (Channel) throws -> Void) throws(LabError) -> Int {
        let bootstrap = DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try initializer(channel) }
            }
        return try keep(host: host, port: port) { try bootstrap.bind(host: host, port: port).wait() }
    }

    /// A loopback port that refuses connections: a TCP socket bound to it that never listens.
    func reservePort() throws(LabError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LabError("could not open a socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(Self.loopback)
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw LabError("could not reserve a port on \(Self.loopback): \(reason)")
        }
        reserved.append(fd)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Closes every listener and connection and reserved port; safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        for channel in channels { try? channel.close().wait() }
        for fd in reserved { close(fd) }
        try? group.syncShutdownGracefully()
    }

    deinit { stop() }

    private func keep(host: String, port: Int, _ bind: () throws -> Channel) throws(LabError) -> Int {
        do {
            let channel = try bind()
            channels.append(channel)
            guard let port = channel.localAddress?.port else { throw LabError("the kernel gave no port for \(host)") }
            return port
        } catch let error as LabError {
            throw error
        } catch {
            throw LabError("could not listen on \(host):\(port): \(error)")
        }
    }
}

/// Accepts, then closes at once.
final class CloseAtOnce: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    func channelActive(context: ChannelHandlerContext) { context.close(promise: nil) }
}

/// Accepts, reads whatever comes, and never says a word.
final class Silent: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
    func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
}

public struct LabError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
