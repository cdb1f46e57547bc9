import Foundation
import TestSupport
import Testing

/// `eduioc-view`, the officials' thin client (issue 15): what it links, and what it refuses.
@Suite("eduioc-view, the thin client")
struct ThinClientTests {
    private var thin: String { PackagePaths.thinClientBinary.path }

    /// The shared libraries a binary asks the loader for (readelf's NEEDED entries).
    private func needed(_ binary: String) throws -> [String] {
        let readelf = try ExternalTool.require("readelf")
        let result = try ProcessRunner.run(readelf, ["-d", binary])
        try #require(result.status == 0, "readelf: \(result.stderr)")
        return result.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { $0.split(separator: "[").last?.split(separator: "]").first.map(String.init) }
    }

    @Test func connectWithoutTheThinClientBesideItSaysSo() throws {
        let folder = try TestScratch.makeDirectory("lone-eduioc")
        let lone = folder.appendingPathComponent("eduioc")
        try FileManager.default.copyItem(at: PackagePaths.eduiocBinary, to: lone)
        let result = try ProcessRunner.run(lone.path, ["console", "--connect", folder.appendingPathComponent("s.sock").path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(folder.appendingPathComponent("eduioc-view").path) is missing"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
    }

    @Test func linksNeitherSQLiteNorTheEngineNorASharedSwiftRuntime() throws {
        try #require(FileManager.default.isExecutableFile(atPath: thin), "\(thin) not built")
        // The check can fail: the full program does ask for SQLite (through GRDB) and the shared Foundation.
        let full = try needed(PackagePaths.eduiocBinary.path)
        #expect(full.contains { $0.hasPrefix("libsqlite3") }, "\(full)")
        #expect(full.contains { $0.hasPrefix("libFoundation") }, "\(full)")
        let libraries = try needed(thin)
        #expect(libraries.contains { $0.hasPrefix("libncursesw") }, "\(libraries)")
        for forbidden in ["libsqlite3", "libFoundation", "libswiftCore", "lib_FoundationICU", "libdispatch"] {
            #expect(!libraries.contains { $0.hasPrefix(forbidden) }, "\(forbidden) in \(libraries)")
        }
        // Nor compiled in: no SQLite function and no symbol of GRDB, SectorData, Analytics, SampleProvince or
        // ArgumentParser (Swift mangles a module name as its length and name after "$s").
        let nm = try ExternalTool.require("nm")
        let symbols = try ProcessRunner.run(nm, ["--defined-only", thin], timeout: 120)
        try #require(symbols.status == 0, "nm: \(symbols.stderr)")
        #expect(symbols.stdout.contains("$s10ConsoleApp"), "the check sees Swift symbols")
        for module in ["4GRDB", "10SectorData", "9Analytics", "14SampleProvince", "14ArgumentParser"] {
            #expect(!symbols.stdout.contains("$s\(module)"), "\(module) linked into eduioc-view")
        }
        #expect(!symbols.stdout.contains(" sqlite3_"), "SQLite linked into eduioc-view")
    }

    @Test func refusesBadArgumentsWithAClearMessage() throws {
        try #require(FileManager.default.isExecutableFile(atPath: thin), "\(thin) not built")
        let cases: [([String], String)] = [
            (["--connect", "/run/eduioc/none.sock", "--bogus"], "unknown argument '--bogus'"),
            ([], "--connect SOCKET is required"),
            (["--connect"], "--connect needs a value"),
            (["--connect", "/run/eduioc/none.sock", "--lang", "fr"], "--lang: 'fr' is not a language (vi or en)"),
            (["--connect", "/run/eduioc/none.sock", "--ascii=yes"], "unknown argument '--ascii=yes'"),
            (["--connect=/run/eduioc/none.sock", "--lang=xx"], "--lang: 'xx' is not a language (vi or en)"),
            (["--connect", "--lang", "en"], "--connect needs a value"),
        ]
        for (arguments, message) in cases {
            let result = try ProcessRunner.run(thin, arguments)
            #expect(result.status == 64, "\(arguments): status \(result.status)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("eduioc: ") && lines[0].contains(message),
                    "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // No terminal: refused before connecting, as `console --connect` does.
        let noTerminal = try ProcessRunner.run(thin, ["--connect", "/run/eduioc/none.sock"])
        #expect(noTerminal.status == 1 && noTerminal.stderr == "eduioc: the console needs a terminal: connect with ssh -t\n",
                "\(noTerminal.status) \(noTerminal.stderr)")
        let help = try ProcessRunner.run(thin, ["--help"])
        #expect(help.status == 0 && help.stderr.isEmpty)
        for option in ["--connect SOCKET", "--lang vi|en", "--theme NAME", "--themes-dir DIR", "--no-color", "--ascii",
                       "--crash-log FILE"] {
            #expect(help.stdout.contains(option), "--help names \(option)")
        }
    }
}
