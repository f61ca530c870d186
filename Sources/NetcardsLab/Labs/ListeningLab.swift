enum ListeningLab {
    static let lab = Lab(name: "listening", summary: "which socket listens on loopback only, and which on every interface",
                         tools: [.ss]) { _ throws(LabError) in
        return try LoopbackServices.start { services throws(LabError) in
            let local = try services.listenTCP { channel in try channel.pipeline.syncOperations.addHandler(CloseAtOnce()) }
            _ = try services.listenTCP(host: "0.0.0.0") { channel in try channel.pipeline.syncOperations.addHandler(CloseAtOnce()) }
            _ = try services.listenTCP(host: "::") { channel in try channel.pipeline.syncOperations.addHandler(CloseAtOnce()) }
            return RunningLab(
                briefing: [
                    "netcards now listens on three TCP ports: one bound to 127.0.0.1, one to 0.0.0.0 and one to ::.",
                    "The two wildcard ones are reachable from the network while this lab runs (they accept and close at once).",
                    "Their ports are not printed: finding them is the exercise.",
                ],
                questions: [LabQuestion(
                    text: "Which port accepts connections only from this machine?",
                    accepted: [String(local), "\(LoopbackServices.loopback):\(local)"],
                    hints: ["ss lists sockets: -t TCP, -l listening only, -n numbers instead of names, -p the owning process.",
                            "Run `ss -tlnp` and read netcards's lines in the Local Address:Port column.",
                            "127.0.0.1 is loopback only; 0.0.0.0, [::] and * mean every interface."],
                    howToSee: "`ss -tlnp | grep netcards` shows 127.0.0.1:\(local): the loopback address, so only this machine can connect.")],
                services: services)
        }
    }
}
