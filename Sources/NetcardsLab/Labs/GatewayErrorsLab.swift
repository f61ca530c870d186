import NIOCore

enum GatewayErrorsLab {
    static let upstreamTimeoutSeconds: Int64 = 3

    static let lab = Lab(name: "gateway-errors", summary: "tell a dead upstream (502) from a slow one (504)",
                         tools: [.curl]) { _ throws(LabError) in
        return try LoopbackServices.start { services throws(LabError) in
            let refusing = try services.reservePort()
            let hanging = try services.listenTCP { channel in try channel.pipeline.syncOperations.addHandler(Silent()) }
            let (down, slow) = Bool.random() ? ("/orders", "/payments") : ("/payments", "/orders")
            let routes = [down: refusing, slow: hanging]
            let port = try services.listenTCP { channel in
                try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                try channel.pipeline.syncOperations.addHandler(Gateway(routes: routes, timeout: .seconds(upstreamTimeoutSeconds)))
            }
            return RunningLab(
                briefing: ["A reverse proxy at \(LoopbackServices.loopback):\(port) routes /orders and /payments to two upstreams.",
                           "One upstream is down; the other is up, but too slow for the proxy (it waits \(upstreamTimeoutSeconds) s)."],
                questions: [LabQuestion(
                    text: "Whose upstream is down rather than slow: /orders or /payments?",
                    accepted: [down, String(down.dropFirst())],
                    hints: ["Ask the proxy for each route with `curl -v http://127.0.0.1:\(port)/orders` (and /payments), and read the status line.",
                            "502 Bad Gateway: the proxy could not reach its upstream at all. 504 Gateway Timeout: it reached it, and no answer came in time."],
                    howToSee: "`curl -v http://127.0.0.1:\(port)\(down)` answers 502 Bad Gateway at once; \(slow) answers 504 Gateway Timeout after \(upstreamTimeoutSeconds) s.")],
                services: services)
        }
    }
}
