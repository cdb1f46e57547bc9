import Foundation
import Testing
import TestSupport

/// `eduioc serve` and `console --connect` as real processes: what they refuse, plainly.
@Suite("eduioc serve and console --connect, refusals")
struct ServeCommandTests {
    @Test func connectRefusesOptionsThatWouldLetTheCommandLineDecideTheData() throws {
        for extra in [["--snapshot", "/tmp/x.sqlite"], ["--scope", "10502"], ["--ssh"], ["--export-dir", "/tmp"]] {
            let result = try EduIOCRun.run(["console", "--connect", "/run/eduioc/none.sock"] + extra)
            #expect(result.status == 64, "\(extra): \(result.standardError)")
            #expect(result.standardError.contains("cannot be combined with --connect"), "\(result.standardError)")
        }
    }

    /// A small snapshot and, beside it, an access file giving root the province, with `accessMode`.
    private func serveInputs(accessMode: mode_t) throws -> (snapshot: URL, folder: URL, access: URL) {
        guard getuid() == 0 else { throw ConsoleSessionError("serve's access file must be root's: run as root") }
        let snapshot = try SampleFixtures.freshSnapshot(schools: 6, seed: 2, historyDays: 2)
        let folder = snapshot.deletingLastPathComponent()
        let access = folder.appendingPathComponent("access.yaml")
        try "users:\n  root:\n    scope: province\n".write(to: access, atomically: true, encoding: .utf8)
        chmod(access.path, accessMode)
        return (snapshot, folder, access)
    }

    @Test func serveRefusesToReplaceAFileThatIsNotASocket() throws {
        let (snapshot, folder, access) = try serveInputs(accessMode: 0o644)
        let precious = folder.appendingPathComponent("not-a-socket")
        try "keep me".write(to: precious, atomically: true, encoding: .utf8)
        let result = try EduIOCRun.run(["serve", "--snapshot", snapshot.path, "--socket", precious.path,
                                        "--access-file", access.path, "--crash-log", folder.appendingPathComponent("c.log").path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("exists and is not a socket"), "\(result.standardError)")
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
    }

    @Test func serveRefusesAnAccessFileOthersCouldWrite() throws {
        let (snapshot, folder, access) = try serveInputs(accessMode: 0o666)
        let result = try EduIOCRun.run(["serve", "--snapshot", snapshot.path, "--socket", folder.appendingPathComponent("s.sock").path,
                                        "--access-file", access.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("writable by group or others"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.sock").path), "nothing listens")
    }
}
