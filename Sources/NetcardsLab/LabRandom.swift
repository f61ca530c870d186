/// Random names, addresses and numbers for a run, so that answers can't be memorised.
enum LabRandom {
    static func word(_ words: [String]) -> String { words.randomElement()! }

    static func suffix(length: Int = 4) -> String {
        String((0..<length).map { _ in "abcdefghjkmnpqrstuvwxyz23456789".randomElement()! })
    }

    /// A private address outside loopback: 10.X.Y.Z with Z in 2...254.
    static func privateAddress() -> IPv4 {
        IPv4(10, UInt8.random(in: 0...255), UInt8.random(in: 0...255), UInt8.random(in: 2...254))
    }

    /// Distinct ClusterIPs in Kubernetes' default service range 10.96.0.0/12.
    static func clusterIPs(_ count: Int) -> [IPv4] {
        var seen = Set<IPv4>()
        while seen.count < count {
            seen.insert(IPv4(10, UInt8.random(in: 96...111), UInt8.random(in: 0...255), UInt8.random(in: 2...254)))
        }
        return Array(seen).shuffled()
    }

    /// TTLs an operator would pick, distinct from each other.
    static func ttls(_ count: Int) -> [UInt32] {
        Array([30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 3600, 7200, 86400].shuffled().prefix(count)).map(UInt32.init)
    }

    static let codeWords = ["amber", "basalt", "cobalt", "dunlin", "ember", "fjord", "garnet", "heron", "indigo",
                            "juniper", "kestrel", "lichen", "marble", "nectar", "osprey", "pewter", "quartz",
                            "russet", "saffron", "tundra", "umber", "vervain", "walnut", "yarrow", "zephyr"]
}
