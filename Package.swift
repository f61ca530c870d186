// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "netcards",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "netcards", targets: ["netcards"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "NetcardsCore"),
        .executableTarget(name: "deck-embedder", path: "Sources/DeckEmbedder"),
        .plugin(
            name: "EmbedDecks",
            capability: .buildTool(),
            dependencies: ["deck-embedder"]
        ),
        .target(name: "NetcardsDecks", plugins: ["EmbedDecks"]),
        .target(
            name: "NetcardsStore",
            dependencies: ["NetcardsCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "CLineSupport"),
        .target(name: "NetcardsTerminal", dependencies: ["NetcardsCore", "CEditLine", "CLineSupport"]),
        .target(
            name: "NetcardsCLI",
            dependencies: [
                "NetcardsCore", "NetcardsStore", "NetcardsTerminal", "NetcardsDecks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "netcards", dependencies: ["NetcardsCLI"]),
        .testTarget(name: "NetcardsCoreTests", dependencies: ["NetcardsCore"]),
        .testTarget(name: "NetcardsStoreTests", dependencies: ["NetcardsStore", "NetcardsCore", "NetcardsDecks"]),
        .testTarget(
            name: "NetcardsEndToEndTests",
            dependencies: ["NetcardsCore"],
            path: "Tests/NetcardsEndToEndTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
