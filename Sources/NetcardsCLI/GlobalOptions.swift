import ArgumentParser
import NetcardsTerminal

public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store to use (default: $NETCARDS_DB, else $XDG_DATA_HOME/netcards/netcards.sqlite).", valueName: "path"))
    public var db: String?

    @Option(name: .long, help: "Colour: auto (only on a terminal, honours NO_COLOR), always or never.")
    public var color: ColorMode = .auto

    public init() {}
}

extension ColorMode: ExpressibleByArgument {}
