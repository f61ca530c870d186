import NIOCore

/// A DNS server for one zone, on UDP and on TCP (RFC 1035 §4.2.2: each message behind a two-byte length) at
/// the same loopback port.
enum DNSServer {
    static func start(_ zone: DNSZone, on services: LoopbackServices) throws(LabError) -> Int {
        var lastError = LabError("no free port")
        for _ in 0..<20 {
            let port = try services.listenTCP { channel in
                try channel.pipeline.syncOperations.addHandler(DNSOverTCP(zone: zone))
            }
            do {
                _ = try services.listenUDP(port: port) { channel in
                    try channel.pipeline.syncOperations.addHandler(DNSOverUDP(zone: zone))
                }
                return port
            } catch {
                lastError = error  // that UDP port was taken: try another pair
            }
        }
        throw lastError
    }

    static func respond(to bytes: [UInt8], zone: DNSZone) -> [UInt8] {
        do {
            let query = try DNSWire.parseQuery(bytes)
            let (code, answers) = zone.answer(query)
            return DNSWire.response(to: query, code: code, answers: answers)
        } catch {
            return DNSWire.formatError(id: bytes.count >= 2 ? UInt16(bytes[0]) << 8 | UInt16(bytes[1]) : 0)
        }
    }
}

final class DNSOverUDP: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>
    let zone: DNSZone

    init(zone: DNSZone) { self.zone = zone }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let reply = DNSServer.respond(to: Array(envelope.data.readableBytesView), zone: zone)
        let out = AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: context.channel.allocator.buffer(bytes: reply))
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {}
}

final class DNSOverTCP: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let zone: DNSZone
    private var pending: [UInt8] = []

    init(zone: DNSZone) { self.zone = zone }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending += Array(unwrapInboundIn(data).readableBytesView)
        while pending.count >= 2 {
            let length = Int(pending[0]) << 8 | Int(pending[1])
            guard pending.count >= 2 + length else { break }
            let reply = DNSServer.respond(to: Array(pending[2..<2 + length]), zone: zone)
            pending.removeFirst(2 + length)
            var buffer = context.channel.allocator.buffer(capacity: reply.count + 2)
            buffer.writeInteger(UInt16(reply.count))
            buffer.writeBytes(reply)
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
}
