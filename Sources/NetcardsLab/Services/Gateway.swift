import NIOCore
import NIOHTTP1
import NIOPosix

/// A reverse proxy: each route's requests go to its upstream on loopback. An upstream that refuses the
/// connection is a 502 Bad Gateway; one that takes it and doesn't answer within `timeout` is a 504 Gateway
/// Timeout; a path with no route is a 404.
final class Gateway: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    static let server = "netcards-lab-gateway"

    let routes: [String: Int]
    let timeout: TimeAmount
    private var path = ""

    init(routes: [String: Int], timeout: TimeAmount) {
        self.routes = routes
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
        case .body:
            break
        case .end:
            let route = routes.keys.first { path == $0 || path.hasPrefix($0 + "/") }
            guard let route, let upstream = routes[route] else {
                HTTPResponder.respond(context, status: .notFound, body: "404 no route for \(path); routes: \(routes.keys.sorted().joined(separator: ", "))\n", server: Self.server)
                return
            }
            forward(path: path, to: upstream, context: context)
        }
    }

    private func forward(path: String, to port: Int, context: ChannelHandlerContext) {
        let timeout = self.timeout
        let connecting = ClientBootstrap(group: context.eventLoop)
            .connectTimeout(timeout)
            .connect(host: LoopbackServices.loopback, port: port)
        connecting.assumeIsolated().whenComplete { result in
            switch result {
            case .failure:
                HTTPResponder.respond(context, status: .badGateway,
                                      body: "502 Bad Gateway: the upstream for \(path) refused the connection\n", server: Self.server)
            case .success(let upstream):
                var request = upstream.allocator.buffer(capacity: 128)
                request.writeString("GET \(path) HTTP/1.1\r\nHost: upstream\r\nConnection: close\r\n\r\n")
                upstream.writeAndFlush(request, promise: nil)
                context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                    upstream.close(promise: nil)
                    HTTPResponder.respond(context, status: .gatewayTimeout,
                                          body: "504 Gateway Timeout: the upstream for \(path) took the connection but sent nothing in \(timeout.nanoseconds / 1_000_000_000) s\n", server: Self.server)
                }
            }
        }
    }
}
