import Foundation
import Testing
import TestSupport

/// docs/eduioc-serve.service as an administrator installs it: systemd accepts it, and its command line, with the
/// same options, starts the server. (The machine running the tests has no systemd as PID 1, so the unit itself is
/// not started; `systemd-analyze verify` checks every directive and the ExecStart binary.)
@Suite("The systemd unit for eduioc serve")
struct ServeUnitFileTests {
    private static let unitFile = PackagePaths.root.appendingPathComponent("docs/eduioc-serve.service")
    private static let installedBinary = "/usr/local/bin/eduioc"

    /// ExecStart's words, continuation lines joined.
    private func execStart() throws -> [String] {
        let text = try String(contentsOf: Self.unitFile, encoding: .utf8).replacingOccurrences(of: "\\\n", with: " ")
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ExecStart=") }) else {
            throw ConsoleSessionError("no ExecStart= in \(Self.unitFile.path)")
        }
        return line.dropFirst("ExecStart=".count).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    @Test(.enabled(if: ExternalTool.shouldRun("systemd-analyze")))
    func systemdAcceptsEveryDirective() throws {
        let analyze = try ExternalTool.require("systemd-analyze")
        let folder = try TestScratch.makeDirectory("unit")
        let unit = folder.appendingPathComponent("eduioc-serve.service")
        let text = try String(contentsOf: Self.unitFile, encoding: .utf8)
        #expect(text.contains("ExecStart=\(Self.installedBinary) serve"))
        try text.replacingOccurrences(of: "ExecStart=\(Self.installedBinary)", with: "ExecStart=\(PackagePaths.eduiocBinary.path)")
            .write(to: unit, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(analyze, ["verify", unit.path])
        #expect(result.status == 0, "systemd-analyze verify: \(result.stderr)")
        #expect(result.stderr.isEmpty && result.stdout.isEmpty, "systemd-analyze verify complained: \(result.stdout)\(result.stderr)")
    }

    @Test func theUnitsCommandLineStartsTheServerAndStopsOnSIGTERM() throws {
        guard getuid() == 0 else { throw ConsoleSessionError("serve's access file must be root's: run as root") }
        let words = try execStart()
        #expect(Array(words.prefix(2)) == [Self.installedBinary, "serve"], "ExecStart: \(words)")
        // Every absolute path of the command line moves under a scratch root with its parent folder (as systemd's
        // RuntimeDirectory/StateDirectory and the deployment steps make them); the snapshot and access file are made.
        let scratch = try TestScratch.makeDirectory("unit-run")
        func moved(_ path: String) -> URL { scratch.appendingPathComponent(String(path.dropFirst())) }
        let options = Dictionary(stride(from: 2, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) },
                                 uniquingKeysWith: { first, _ in first })
        for key in ["--snapshot", "--socket", "--access-file", "--summaries-dir", "--crash-log"] {
            let path = try #require(options[key], "ExecStart has no \(key)")
            #expect(path.hasPrefix("/"), "\(key) \(path) is not absolute")
        }
        for value in options.values where value.hasPrefix("/") {
            try FileManager.default.createDirectory(at: moved(value).deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let sample = try SampleFixtures.freshSnapshot(schools: 6, seed: 3, historyDays: 2)
        try FileManager.default.copyItem(at: sample, to: moved(options["--snapshot"] ?? "/none"))
        let access = moved(options["--access-file"] ?? "/none")
        try "users:\n  root:\n    scope: province\n".write(to: access, atomically: true, encoding: .utf8)
        chmod(access.path, 0o644)

        let arguments = words.dropFirst().map { $0.hasPrefix("/") ? moved($0).path : $0 }
        let server = try BackgroundProcess(PackagePaths.eduiocBinary.path, arguments,
                                           logFile: scratch.appendingPathComponent("serve.log"))
        let deadline = Date().addingTimeInterval(30)
        while !server.log.contains("listening on") && server.isRunning && Date() < deadline { usleep(50_000) }
        #expect(server.log.contains("listening on \(moved(options["--socket"] ?? "/none").path)"), "serve log:\n\(server.log)")
        server.stop(grace: 10)
        #expect(server.exitCode == 0, "SIGTERM (systemd's KillSignal) ends it cleanly; log:\n\(server.log)")
        #expect(!FileManager.default.fileExists(atPath: moved(options["--socket"] ?? "/none").path), "the socket is removed")
    }
}
