import Foundation

/// Paths of the package under test, found from this source file (no environment or working directory needed).
public enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The `eduioc` binary built by `swift build`/`swift test` (debug), or `EDUIOC_BIN` when set.
    public static var eduiocBinary: URL {
        if let override = ProcessInfo.processInfo.environment["EDUIOC_BIN"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let testBundleDir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let besideTests = testBundleDir.appendingPathComponent("eduioc")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return root.appendingPathComponent(".build/debug/eduioc")
    }

    /// The officials' thin client, `eduioc-view`, built beside `eduioc` (`console --connect` execs it from there).
    public static var thinClientBinary: URL {
        eduiocBinary.deletingLastPathComponent().appendingPathComponent("eduioc-view")
    }

    /// The bundled SampleData folder.
    public static var sampleData: URL { root.appendingPathComponent("SampleData") }

    /// The bundled Themes folder.
    public static var themes: URL { root.appendingPathComponent("Themes") }
}
