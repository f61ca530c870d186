enum ClusterDNSLab {
    static let lab = Lab(name: "cluster-dns", summary: "ask a cluster's DNS for a service by its full name",
                         tools: [.dig]) { _ throws(LabError) in
        let names = ["payments.prod", "payments.staging", "payments.dev", "orders.prod", "checkout.prod", "kube-dns.kube-system"]
        let addresses = LabRandom.clusterIPs(names.count)
        let zone = DNSZone(records: zip(names, addresses).map { name, address in
            DNSRecord(name: "\(name).svc.cluster.local", ttl: 30, data: .a(address))
        })
        return try LoopbackServices.start { services throws(LabError) in
            let port = try DNSServer.start(zone, on: services)
            let ask = "dig @127.0.0.1 -p \(port) payments.prod.svc.cluster.local"
            return RunningLab(
                briefing: ["A cluster's DNS server answers at \(LoopbackServices.loopback):\(port) (UDP and TCP).",
                           "Like any DNS server outside a pod, it knows only full names: SERVICE.NAMESPACE.svc.cluster.local."],
                questions: [LabQuestion(
                    text: "The payments service runs in namespace prod. What is its ClusterIP?",
                    accepted: [addresses[0].description],
                    hints: ["Inside a pod, resolv.conf's search list turns `payments` into a full name; here you write it out.",
                            "The full form is SERVICE.NAMESPACE.svc.cluster.local, asked with dig @127.0.0.1 -p \(port).",
                            "`\(ask) +short`"],
                    howToSee: "`\(ask)` answers with the A record \(addresses[0]); `payments` or `payments.prod` alone are NXDOMAIN.")],
                services: services)
        }
    }
}
