// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "netcards",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "netcards", targets: ["netcards"]),
        .library(name: "NetcardsCore", targets: ["NetcardsCore"]),
        .library(name: "NetcardsImport", targets: ["NetcardsImport"]),
        .library(name: "NetcardsTerminal", targets: ["NetcardsTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "NetcardsCore"),
        .target(name: "DeckHashing"),
        .executableTarget(name: "deck-embedder", dependencies: ["DeckHashing"], path: "Sources/DeckEmbedder"),
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
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .target(
            name: "NetcardsImport",
            dependencies: [
                "NetcardsCore", "NetcardsStore", "CZstd",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "NetcardsTerminal", dependencies: ["NetcardsCore", "CEditLine", "CLineSupport"]),
        .target(
            name: "NetcardsLab",
            dependencies: [
                "NetcardsCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "NetcardsCLI",
            dependencies: [
                "NetcardsCore", "NetcardsStore", "NetcardsTerminal", "NetcardsDecks", "NetcardsImport", "NetcardsLab", "DeckHashing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "netcards", dependencies: ["NetcardsCLI"]),
        .executableTarget(
            name: "netcards-generate-store",
            dependencies: ["NetcardsCore", "NetcardsStore"],
            path: "Sources/StoreGenerator"
        ),
        .testTarget(name: "NetcardsCoreTests", dependencies: ["NetcardsCore"]),
        // The one harness of the end-to-end and reliability tests: a sandbox per test, the built binary located and
        // started with posix_spawn, its pipes read on threads of their own.
        .target(name: "NetcardsTestSupport", path: "Tests/NetcardsTestSupport"),
        .testTarget(name: "NetcardsReliabilityTests", dependencies: ["NetcardsCore", "NetcardsTestSupport"]),
        .testTarget(name: "NetcardsLabTests", dependencies: ["NetcardsLab", "NetcardsCore"]),
        .testTarget(name: "NetcardsStoreTests", dependencies: ["NetcardsStore", "NetcardsCore", "NetcardsDecks", "DeckHashing"]),
        .testTarget(
            name: "NetcardsImportTests",
            dependencies: ["NetcardsImport", "NetcardsStore", "NetcardsCore", "NetcardsCLI", "NetcardsDecks",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "NetcardsEndToEndTests",
            dependencies: ["NetcardsCore", "NetcardsLab", "NetcardsTestSupport"],
            path: "Tests/NetcardsEndToEndTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
