enum ResolveLab {
    static let lab = Lab(name: "resolve", summary: "reach a site by a name no DNS knows, with curl --resolve",
                         tools: [.curl]) { _ throws(LabError) in
        let codeWord = "\(LabRandom.word(LabRandom.codeWords))-\(Int.random(in: 10...99))"
        return try LoopbackServices.start { services throws(LabError) in
            let port = try services.listenTCP { channel in
                try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                try channel.pipeline.syncOperations.addHandler(VirtualHost(host: "shop.lab.test", body: codeWord))
            }
            let pinned = "curl --resolve shop.lab.test:\(port):127.0.0.1 http://shop.lab.test:\(port)/"
            return RunningLab(
                briefing: ["An HTTP server at \(LoopbackServices.loopback):\(port) serves the site shop.lab.test,",
                           "but no DNS server knows that name, and /etc/hosts is not yours to edit."],
                questions: [LabQuestion(
                    text: "What code word does http://shop.lab.test:\(port)/ serve?",
                    accepted: [codeWord],
                    hints: ["The server picks the site by the Host header; asking 127.0.0.1 directly gets a 404.",
                            "curl --resolve HOST:PORT:ADDRESS pins a name to an address for one command; the URL keeps the name.",
                            "`\(pinned)`"],
                    howToSee: "`\(pinned)` prints \(codeWord).")],
                services: services)
        }
    }
}
