import NetcardsCore

/// Every lab, in the order `netcards lab` lists them, and the bundled deck that schedules them.
public enum LabCatalogue {
    public static let deckName = "labs"
    public static let module = "The debugging arsenal"

    public static let all: [Lab] = [
        ListeningLab.lab, RefusedOrSilentLab.lab, DNSLab.lab, ClusterDNSLab.lab, ResolveLab.lab,
        GatewayErrorsLab.lab, RouteLab.lab,
    ]

    public static func named(_ name: String) -> Lab? { all.first { $0.name == name } }

    /// One reveal card per lab: review never shows them (they need another terminal), `netcards lab` runs them.
    public static var deck: DeckDefinition {
        DeckDefinition(name: deckName, module: module, title: "Labs on this machine", cards: all.map { lab in
            CardDefinition(id: lab.cardId, noteKey: lab.cardId, front: "Lab \(lab.name): \(lab.summary)",
                           answers: ["netcards lab \(lab.name)"], mode: .reveal,
                           tags: ["lab"] + lab.tools.map(\.command))
        })
    }
}
