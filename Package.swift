// swift-tools-version:6.0
// EduIOC — a terminal operations console for a provincial education department.
// Layering (see docs/ARCHITECTURE.md): eduioc → NcursesBackend/ConsoleApp → ConsoleCore;
// ConsoleApp → ReportModel; Analytics → ReportModel, SectorData; SnapshotSource → ConsoleApp, Analytics;
// SampleProvince → SectorData; ConsoleCore and Analytics → SafeText; ConsoleWire → ConsoleApp;
// ConsoleServer → ConsoleWire, SnapshotSource. eduioc-view (the officials' thin client) → NcursesBackend, ConsoleApp,
// ConsoleWire, ProcessSupport only: never SQLite, GRDB, SectorData, Analytics, SampleProvince or ArgumentParser.
import PackageDescription

/// How the thin client is linked (issue 15: ≤ 15 MB resident per official): the Swift runtime, Foundation and
/// libstdc++ statically, as a position-dependent executable. Measured on the full-year province (docs/PERFORMANCE.md):
/// shared Foundation ~30 MB; static 15.3 MB; without PIE (no 1.8 MB of relocations to apply at start, no relocated
/// data pages) and with libstdc++'s archive instead of the shared library, 14.4 MB; without exporting every symbol
/// (static-stdlib-args.lnk asks for --export-dynamic, so each library's lookups walked ours), 14.1 MB.
/// - Foundation's own static libraries are listed, in one group (they refer to each other): the modules are compiled
///   against the shared Foundation, whose autolink entries name only `Foundation`.
/// - Foundation finds its ICU time zones by name at run time (`_typeByName`), so nothing references them and
///   `TimeZone(identifier:)` would return nil: `--undefined` pulls that one object in.
/// - `Linker/libstdc++.so` is a linker script naming `libstdc++.a`, so the `-lstdc++` of Swift's
///   static-stdlib-args.lnk takes the archive (found first on this `-L` path, for this target only).
let staticFoundation = ["-L\(Context.packageDirectory)/Linker", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic",
                        "-Xlinker", "--undefined=$s30FoundationInternationalization12_TimeZoneICUCMn", "-Xlinker", "--start-group"]
    + ["Foundation", "FoundationEssentials", "FoundationInternationalization", "CoreFoundation", "_FoundationICU",
       "_FoundationCShims", "_FoundationCollections", "swiftSynchronization", "swiftDispatch", "dispatch", "BlocksRuntime",
       "stdc++"]
        .flatMap { ["-Xlinker", "-l\($0)"] }
    + ["-Xlinker", "--end-group"]

let package = Package(
    name: "EduIOC",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eduioc", targets: ["eduioc"]),
        .executable(name: "eduioc-view", targets: ["eduioc-view"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shim over the wide-character ncurses library. Only NcursesBackend imports it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // C shim for process hardening (prctl, RLIMIT_CORE, the crash handler). Only ProcessSupport imports it.
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
        // The reports as plain value types (figures, alerts, nodes, search index, check-in curve, data quality):
        // what the engine produces and the console draws. Pure; Foundation only.
        .target(name: "ReportModel"),
        // Indicators, rollups, scopes and alerts: the engine over the snapshot. No UI imports.
        .target(name: "Analytics", dependencies: ["ReportModel", "SectorData", .product(name: "GRDB", package: "GRDB.swift"),
                                                 "Yams", "SafeYAML", "SafeText"]),
        // Pure terminal UI core: cells, buffer + diff, text width, widgets, layout, themes.
        .target(name: "ConsoleCore", dependencies: ["Yams", "SafeYAML", "SafeText"]),
        // App state, actions, update, screens, key map, runtime loop. Knows reports, never the snapshot or the engine.
        .target(name: "ConsoleApp", dependencies: ["ConsoleCore", "ReportModel"]),
        // The in-process data source: the engine over a snapshot file, behind ConsoleApp's DashboardDataSource seam.
        .target(name: "SnapshotSource", dependencies: ["ConsoleApp", "ReportModel", "Analytics", "SectorData"]),
        // The client side of `eduioc serve`: the wire protocol, its messages, Unix sockets and RemoteDataSource.
        .target(name: "ConsoleWire", dependencies: ["ConsoleApp", "ReportModel"]),
        // `eduioc serve`: one shared engine, the sessions, peer credentials (SO_PEERCRED).
        .target(name: "ConsoleServer", dependencies: ["ConsoleWire", "ConsoleApp", "SnapshotSource", "ReportModel", "Analytics",
                                                      "CPeerCredentials"]),
        // The real terminal: the only importer of CNcursesw.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "ConsoleCore"]),
        // Process hardening and program plumbing shared by both executables: the crash guard, the signal trap,
        // the data-folder locator, the one-line error.
        .target(name: "ProcessSupport", dependencies: ["CProcessGuard"]),
        // The officials' thin client (`eduioc console --connect` execs it): terminal, state and rendering over the
        // server's socket. Linked statically (`staticFoundation` above) so its memory stays small (issue 15: ≤ 15 MB
        // per viewer); nothing else links that way.
        .executableTarget(name: "eduioc-view", dependencies: [
            "ConsoleApp", "ConsoleCore", "ConsoleWire", "NcursesBackend", "ProcessSupport", "ReportModel",
        ], linkerSettings: [.unsafeFlags(["-static-stdlib"] + staticFoundation)]),
        // The command line: argument parsing and wiring.
        .executableTarget(name: "eduioc", dependencies: [
            "SectorData", "SampleProvince", "ReportModel", "Analytics", "ConsoleCore", "ConsoleApp", "SnapshotSource",
            "ConsoleWire", "ConsoleServer", "NcursesBackend", "ProcessSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "GRDB", package: "GRDB.swift"),  // the benchmark's naive baseline connection
        ]),
        // Test tools for screens: an in-memory terminal and golden files. Never linked into the product.
        .target(name: "ConsoleTesting", dependencies: ["ConsoleCore"], path: "Tests/ConsoleTesting"),
        .target(name: "TestSupport", dependencies: ["ProcessSupport", "SectorData", "SampleProvince", .product(name: "GRDB", package: "GRDB.swift")],
                path: "Tests/TestSupport"),
        .testTarget(name: "SectorDataTests", dependencies: ["SectorData", "SampleProvince", "TestSupport",
                                                         .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SampleProvinceTests", dependencies: ["SampleProvince", "SectorData", "TestSupport"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "ReportModel", "SampleProvince", "SectorData", "TestSupport"]),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "ConsoleTesting"]),
        .testTarget(name: "ConsoleAppTests", dependencies: ["ConsoleApp", "ConsoleCore", "ConsoleTesting", "Analytics",
                                                          "ReportModel", "SnapshotSource",
                                                          "SampleProvince", "TestSupport"]),
        .testTarget(name: "ConsoleServerTests", dependencies: ["ConsoleServer", "ConsoleWire", "ConsoleApp", "ConsoleCore", "SnapshotSource",
                                                             "ReportModel", "Analytics", "SampleProvince",
                                                             "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["eduioc", "ProcessSupport", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
