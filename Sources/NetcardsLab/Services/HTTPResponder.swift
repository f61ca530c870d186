import NIOCore
import NIOHTTP1

/// Writes one whole HTTP/1.1 response and closes the connection: the labs' servers answer one request each.
enum HTTPResponder {
    static func respond(_ context: ChannelHandlerContext, status: HTTPResponseStatus, body: String,
                        server: String) {
        var headers = HTTPHeaders()
        headers.add(name: "Server", value: server)
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        let closing = context.channel
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in closing.close(promise: nil) }
    }
}

/// Serves `body` to requests for `host` (its Host header, with or without the port) and 404 to every other.
final class VirtualHost: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    let host: String
    let body: String
    private var requestedHost = ""

    init(host: String, body: String) {
        self.host = host
        self.body = body
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestedHost = head.headers.first(name: "Host") ?? ""
        case .body:
            break
        case .end:
            let name = requestedHost.split(separator: ":").first.map { $0.lowercased() } ?? ""
            if name == host {
                HTTPResponder.respond(context, status: .ok, body: body + "\n", server: "netcards-lab")
            } else {
                HTTPResponder.respond(context, status: .notFound, body: "404 no site \(requestedHost.isEmpty ? "without a name" : "named \(requestedHost)") here\n", server: "netcards-lab")
            }
        }
    }
}
