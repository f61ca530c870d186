// swift-tools-version:6.1
// libFuzzer targets for netcards, kept apart from the main package so its normal build and tests never see
// the sanitizer flags. Build and run (from this folder; docs/fuzzing.md has the details and the last results):
//
//   swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product FuzzDeckParser
//   LSAN_OPTIONS=suppressions=$PWD/lsan-suppressions.txt \
//       .build-fuzz/release/FuzzDeckParser -runs=1000000 -timeout=10 .corpus/deck-parser ../Decks
//
// `make fuzz` in the repository root does both for every target.
import Foundation
import PackageDescription

// A local dependency is known by its folder's name, which is whatever the clone is called.
let mainPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "netcards-fuzz",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzDeckParser",
            dependencies: ["FuzzSupport", .product(name: "NetcardsCore", package: mainPackage)]
        ),
        .executableTarget(
            name: "FuzzAnswerChecker",
            dependencies: ["FuzzSupport", .product(name: "NetcardsCore", package: mainPackage)]
        ),
        .executableTarget(
            name: "FuzzImportReaders",
            dependencies: ["FuzzSupport", .product(name: "NetcardsImport", package: mainPackage)]
        ),
        .executableTarget(
            name: "FuzzOutputSanitiser",
            dependencies: ["FuzzSupport", .product(name: "NetcardsTerminal", package: mainPackage)]
        ),
        .executableTarget(
            name: "FuzzAnkiCollection",
            dependencies: [
                "FuzzSupport",
                .product(name: "NetcardsImport", package: mainPackage),
                .product(name: "NetcardsCore", package: mainPackage),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
