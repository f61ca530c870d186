enum RefusedOrSilentLab {
    static let lab = Lab(name: "refused-or-silent", summary: "a closed port refuses at once; a silent service accepts and says nothing",
                         tools: [.nc, .curl]) { _ throws(LabError) in
        return try LoopbackServices.start { services throws(LabError) in
            let closed = try services.reservePort()
            let silent = try services.listenTCP { channel in try channel.pipeline.syncOperations.addHandler(Silent()) }
            let endpoints = [closed, silent].shuffled().map { "\(LoopbackServices.loopback):\($0)" }
            return RunningLab(
                briefing: [
                    "Two endpoints: \(endpoints[0]) and \(endpoints[1]).",
                    "One of them refuses connections; the other accepts them and then never says a word.",
                ],
                questions: [LabQuestion(
                    text: "Which port accepted the connection but never answered?",
                    accepted: [String(silent), "\(LoopbackServices.loopback):\(silent)"],
                    hints: ["`nc -zv 127.0.0.1 PORT` only tries to connect, and says whether the connection succeeded.",
                            "`curl -v --max-time 2 http://127.0.0.1:PORT/`: \"Connection refused\" comes at once; a silent service connects, then times out."],
                    howToSee: "`nc -zv 127.0.0.1 \(silent)` says succeeded; `nc -zv 127.0.0.1 \(closed)` says Connection refused.")],
                services: services)
        }
    }
}
