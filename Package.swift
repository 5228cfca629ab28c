// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: reso → Reader → Terminal → CNCurses (and CFriBidi),
// reso → Annotations → ResolutionDiff → ResolutionKit → LanguageData; Reader → ResolutionDiff → ResolutionKit. The reader
// reaches annotations only through its AnnotationBackend protocol, which reso implements.
let package = Package(
    name: "Reso",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reso", targets: ["reso"]),
        .library(name: "ResolutionKit", targets: ["ResolutionKit"]),
    ],
    dependencies: [
        // 1.6: custom completions get the whole command line (paragraph ids after the FILE).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        // DOCX input: the ZIP container (see Formats/DOCX+Archive.swift).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The library index (Sources/LibraryIndex): SQLite with FTS5, through GRDB.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // `$XDG_CONFIG_HOME/reso/config.toml` (Sources/reso/Config*.swift).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Language knowledge (openers, verbs, organs, closings…) as JSON data files.
        .target(
            name: "LanguageData",
            path: "Resources",
            // The JSON files are compiled in (LanguageData+Embedded.swift, kept equal to them by
            // LanguageDataEmbeddingTests), so the binary needs no resource bundle beside it.
            exclude: ["README.md", "languages"],
            sources: ["LanguageData.swift", "LanguageData+Embedded.swift", "LetterModels+Embedded.swift"]
        ),
        .target(name: "ResolutionKit", dependencies: ["LanguageData", "ZIPFoundation", "CSHA256"]),
        // SHA-256 rounds with the processor's SHA extensions (ResolutionKit/SHA256.swift).
        .target(name: "CSHA256"),
        // Pairs the units of two texts (versions or languages): `reso diff`, `reso carry`.
        .target(name: "ResolutionDiff", dependencies: ["ResolutionKit"]),
        .target(name: "Annotations", dependencies: ["ResolutionKit", "ResolutionDiff"]),
        // The persistent library index: a cache of parsed documents and their search texts.
        .target(name: "LibraryIndex", dependencies: ["ResolutionKit", "Annotations", .product(name: "GRDB", package: "GRDB.swift")]),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // GNU FriBidi (libfribidi-dev): right-to-left lines in visual order (Terminal/Bidi.swift).
        .systemLibrary(name: "CFriBidi", path: "Sources/CFriBidi"),
        .target(name: "Terminal", dependencies: ["CNCurses", "CFriBidi"]),
        // ResolutionDiff: the compare view's pairing (the diff engine sits beside the parser).
        .target(name: "Reader", dependencies: ["ResolutionKit", "ResolutionDiff", "Terminal"]),
        // `reso bench`'s measurements, kept out of the product modules.
        .target(name: "Benchmarks", dependencies: ["ResolutionKit", "ResolutionDiff", "Annotations", "Reader", "Terminal"]),
        .executableTarget(
            name: "reso",
            dependencies: [
                "ResolutionKit", "ResolutionDiff", "Annotations", "LibraryIndex", "Reader", "Terminal", "Benchmarks", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Fuzz targets (scripts/fuzz builds them with libFuzzer; an ordinary build replays inputs).
        // glibc's mallopt, which Swift's Glibc module does not export (see reso/MemorySetup.swift).
        .target(name: "CAllocator"),
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        .executableTarget(name: "FuzzParser", dependencies: ["ResolutionKit", "FuzzSupport", "CFuzzDriver"]),
        .executableTarget(name: "FuzzSidecar", dependencies: ["Annotations", "FuzzSupport", "CFuzzDriver"]),
        // What more than one test target needs (kept out of the product: it lives under Tests/).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ResolutionKitTests", dependencies: ["ResolutionKit", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Inputs"]),
        .testTarget(name: "ResolutionDiffTests", dependencies: ["ResolutionDiff", "ResolutionKit"]),
        .testTarget(name: "AnnotationsTests", dependencies: ["Annotations", "ResolutionKit", "TestSupport"]),
        .testTarget(name: "LibraryIndexTests", dependencies: ["LibraryIndex", "Annotations", "ResolutionKit", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ReaderTests", dependencies: ["Reader", "ResolutionKit", "ResolutionDiff", "Terminal"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["reso", "TestSupport"]),
        .testTarget(name: "ResoCLITests", dependencies: ["reso", "TestSupport"]),
    ]
)
