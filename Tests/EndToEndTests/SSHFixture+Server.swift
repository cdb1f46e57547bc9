import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Server mode of the SSH rig: `eduioc serve` runs as root (the tests' service account) on a socket in the fixture's
/// folder; the officials' ForceCommand is `eduioc console --connect`.
extension SSHFixture {
    /// Starts `eduioc serve` and waits (bounded) until its socket answers.
    func startServer() throws {
        let log = directory.appendingPathComponent("serve-\(UUID().uuidString.prefix(8)).log")
        let process = try BackgroundProcess(binary, ["serve", "--snapshot", snapshot.path, "--socket", socketPath,
                                                     "--access-file", accessFile.path,
                                                     "--crash-log", directory.appendingPathComponent("serve-crash.log").path],
                                            logFile: log)
        server = process
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if process.log.contains("listening on") { return }
            if !process.isRunning { break }
            usleep(50_000)
        }
        throw ConsoleSessionError("eduioc serve did not start:\n\(process.log)")
    }

    /// Stops the server (SIGTERM) and waits for it to end.
    func stopServer() {
        server?.stop()
    }

    /// What the server logged so far (sessions opened, refused, dropped, closed).
    var serveLog: String { server?.log ?? "" }

    /// Replaces the access file (root-owned, 0644, as the StrictModes check wants).
    func writeAccess(_ text: String) throws {
        let staged = accessFile.appendingPathExtension("new")
        try text.write(to: staged, atomically: false, encoding: .utf8)
        chmod(staged.path, 0o644)
        guard rename(staged.path, accessFile.path) == 0 else { throw ConsoleSessionError("rename access file: \(errno)") }
    }

    /// The active commune (code, name) with the most schools other than the commune account's.
    func secondCommune() throws -> (code: String, name: String) {
        let rows = try SQLiteCLI.rows(snapshot.path, """
            SELECT u.code, u.name FROM admin_units u JOIN schools s ON s.unit_id = u.id
            WHERE s.status = 'active' AND u.parent_id IS NOT NULL AND u.code <> '\(communeCode)'
            GROUP BY u.id ORDER BY count(*) DESC, u.code LIMIT 1
            """)
        guard let row = rows.first, row.count == 2 else { throw ConsoleSessionError("no second commune in the sample") }
        return (row[0], row[1])
    }
}
