// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: reso → Reader → Terminal → CNCurses,
// reso → Annotations → ResolutionKit → LanguageData; Reader → ResolutionKit. The reader
// reaches annotations only through its AnnotationBackend protocol, which reso implements.
let package = Package(
    name: "Reso",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reso", targets: ["reso"]),
        .library(name: "ResolutionKit", targets: ["ResolutionKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Language knowledge (openers, verbs, organs, closings…) as JSON data files.
        .target(
            name: "LanguageData",
            path: "Resources",
            exclude: ["README.md"],
            sources: ["LanguageData.swift"],
            resources: [.copy("languages")]
        ),
        .target(name: "ResolutionKit", dependencies: ["LanguageData"]),
        .target(name: "Annotations", dependencies: ["ResolutionKit"]),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .target(name: "Terminal", dependencies: ["CNCurses"]),
        .target(name: "Reader", dependencies: ["ResolutionKit", "Terminal"]),
        // `reso bench`'s measurements, kept out of the product modules.
        .target(name: "Benchmarks", dependencies: ["ResolutionKit", "Annotations", "Reader", "Terminal"]),
        .executableTarget(
            name: "reso",
            dependencies: [
                "ResolutionKit", "Annotations", "Reader", "Terminal", "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets, built by scripts/fuzz with -DFUZZING; plain builds get a stub main.
        .executableTarget(name: "FuzzParser", dependencies: ["ResolutionKit"]),
        .executableTarget(name: "FuzzSidecar", dependencies: ["Annotations"]),
        .testTarget(name: "ResolutionKitTests", dependencies: ["ResolutionKit"], exclude: ["Inputs"]),
        .testTarget(name: "AnnotationsTests", dependencies: ["Annotations", "ResolutionKit"]),
        .testTarget(name: "ReaderTests", dependencies: ["Reader", "ResolutionKit", "Terminal"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["reso"]),
        .testTarget(name: "ResoCLITests", dependencies: ["reso"]),
    ]
)
