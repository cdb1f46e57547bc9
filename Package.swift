// swift-tools-version:6.0
// EduIOC — a terminal operations console for a provincial education department.
// Layering (see docs/ARCHITECTURE.md): eduioc → NcursesBackend/ConsoleApp → ConsoleCore;
// ConsoleApp → Analytics → SectorData; SampleProvince → SectorData; ConsoleCore and Analytics → SafeText;
// ConsoleServer → ConsoleApp.
import PackageDescription

let package = Package(
    name: "EduIOC",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eduioc", targets: ["eduioc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shim over the wide-character ncurses library. Only NcursesBackend imports it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // C shim for process hardening (prctl, RLIMIT_CORE, the crash handler). Only the executable imports it.
        .systemLibrary(name: "CProcessGuard", path: "Sources/CProcessGuard"),
        // C shim for SO_PEERCRED (struct ucred needs _GNU_SOURCE). Only ConsoleServer imports it.
        .systemLibrary(name: "CPeerCredentials", path: "Sources/CPeerCredentials"),
        // YAML with limits (size, no anchors or aliases, nesting) for the access file, themes and --config.
        .target(name: "SafeYAML", dependencies: ["Yams"]),
        // The one sanitiser of text from the snapshot (screen, report, check). Pure; no dependencies.
        .target(name: "SafeText"),
        // The snapshot contract: schema, read-only validating opener, change watcher.
        .target(name: "SectorData", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Deterministic sample province generator and live replication feed.
        .target(name: "SampleProvince", dependencies: ["SectorData", .product(name: "GRDB", package: "GRDB.swift")]),
        // Indicators, rollups, scopes and alerts as plain value types. No UI imports.
        .target(name: "Analytics", dependencies: ["SectorData", .product(name: "GRDB", package: "GRDB.swift"), "Yams", "SafeYAML",
                                                 "SafeText"]),
        // Pure terminal UI core: cells, buffer + diff, text width, widgets, layout, themes.
        .target(name: "ConsoleCore", dependencies: ["Yams", "SafeYAML", "SafeText"]),
        // App state, actions, update, screens, key map, runtime loop.
        .target(name: "ConsoleApp", dependencies: ["ConsoleCore", "Analytics", "SectorData"]),
        // `eduioc serve` and `console --connect`: the wire protocol, the server over one shared engine, the remote source.
        .target(name: "ConsoleServer", dependencies: ["ConsoleApp", "Analytics", "SectorData", "CPeerCredentials"]),
        // The real terminal: the only importer of CNcursesw.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "ConsoleCore"]),
        // The command line: argument parsing and wiring.
        .executableTarget(name: "eduioc", dependencies: [
            "SectorData", "SampleProvince", "Analytics", "ConsoleCore", "ConsoleApp", "ConsoleServer", "NcursesBackend",
            "CProcessGuard",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "GRDB", package: "GRDB.swift"),  // the benchmark's naive baseline connection
        ]),
        // Test tools for screens: an in-memory terminal and golden files. Never linked into the product.
        .target(name: "ConsoleTesting", dependencies: ["ConsoleCore"], path: "Tests/ConsoleTesting"),
        .target(name: "TestSupport", dependencies: ["SectorData", "SampleProvince", .product(name: "GRDB", package: "GRDB.swift")],
                path: "Tests/TestSupport"),
        .testTarget(name: "SectorDataTests", dependencies: ["SectorData", "SampleProvince", "TestSupport",
                                                         .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SampleProvinceTests", dependencies: ["SampleProvince", "SectorData", "TestSupport"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "SampleProvince", "SectorData", "TestSupport"]),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "ConsoleTesting"]),
        .testTarget(name: "ConsoleAppTests", dependencies: ["ConsoleApp", "ConsoleCore", "ConsoleTesting", "Analytics",
                                                          "SampleProvince", "TestSupport"]),
        .testTarget(name: "ConsoleServerTests", dependencies: ["ConsoleServer", "ConsoleApp", "Analytics", "SampleProvince",
                                                             "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["eduioc", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
