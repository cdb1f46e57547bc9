import Foundation
import TestSupport

/// A generated sample snapshot for live tests, in its own folder: today's rows of every other student
/// are removed (not yet reported), so the feed's check-in wave has work whatever the time of day.
final class LiveSnapshot {
    let directory: URL
    let url: URL
    let binary = PackagePaths.eduiocBinary.path

    init(schools: Int = 24, name: String = "live.sqlite") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-live-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
        try ConsoleSession.generate(binary: binary, to: url, schools: schools)
        try execute("DELETE FROM attendance WHERE day = \(Self.todaySQL) AND student_id % 2 = 0")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Today in the province (UTC+7), as SQL, the day the console shows.
    static let todaySQL = "date('now', '+7 hours')"

    /// Runs SQL read-only with the sqlite3 CLI on `file` (default: the live snapshot); one row per line.
    func sql(_ query: String, file: URL? = nil) throws -> [String] {
        let result = try ProcessRunner.run(try ExternalTool.require("sqlite3"), ["-readonly", (file ?? url).path, query])
        guard result.status == 0 else { throw ConsoleSessionError("sqlite3 failed: \(result.stderr)") }
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Runs writing SQL with the sqlite3 CLI on `file` (default: the live snapshot).
    func execute(_ statements: String, file: URL? = nil) throws {
        let result = try ProcessRunner.run(try ExternalTool.require("sqlite3"), [(file ?? url).path, statements])
        guard result.status == 0 else { throw ConsoleSessionError("sqlite3 failed: \(result.stderr)") }
    }

    /// Today's present count as the console computes it (rows recorded up to now), from sqlite3.
    func presentToday(file: URL? = nil) throws -> Int {
        let rows = try sql("""
            SELECT count(*) FROM attendance WHERE day = \(Self.todaySQL) AND status = 'present'
              AND recorded_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            """, file: file)
        guard let first = rows.first, let value = Int(first) else { throw ConsoleSessionError("no count from sqlite3: \(rows)") }
        return value
    }

    /// Runs `eduioc sample feed --snapshot <live> …` to completion.
    func feed(_ arguments: [String], timeout: TimeInterval = 120) throws -> ProcessRunner.Result {
        let result = try ProcessRunner.run(binary, ["sample", "feed", "--snapshot", url.path] + arguments, timeout: timeout)
        guard result.status == 0 else { throw ConsoleSessionError("feed failed (\(result.status)): \(result.stderr)") }
        return result
    }

    /// A copy of the live snapshot beside it (for restoring and for making bad variants).
    func copy(named name: String) throws -> URL {
        let target = directory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: url, to: target)
        return target
    }

    /// Publishes `file` over the live path the way a replicator does: rename(2).
    func publish(_ file: URL) throws {
        guard rename(file.path, url.path) == 0 else { throw ConsoleSessionError("rename failed: \(String(cString: strerror(errno)))") }
    }
}

/// The province "Có mặt N" figure on a Vietnamese screen (thousands separated by dots), or nil.
func presentFigure(in screen: String) -> Int? {
    guard let range = screen.range(of: "Có mặt ") else { return nil }
    let digits = screen[range.upperBound...].prefix { $0.isNumber || $0 == "." }.filter(\.isNumber)
    return Int(String(digits))
}

/// The screen shows the present figure `value`.
func showsPresent(_ value: Int, _ screen: String) -> Bool { presentFigure(in: screen) == value }

/// Waits until the console in `session` shows `expected` (sqlite3's figure, read when `label` happened) by itself,
/// and prints how long that took. The bound is generous: these tests are about following, not latency (the
/// Litestream suite prints latencies), and a debug build reopening renamed files on a loaded CI machine can take
/// seconds. On a timeout it waits as long again before failing, so the failure says which it was: a console that
/// caught up late (load) or one that stayed behind (a missed change), with the figure shown and sqlite3's now.
func waitUntilConsoleShows(_ expected: Int, _ label: String, session: ConsoleSession, live: LiveSnapshot,
                           timeout: TimeInterval = 30) throws {
    let started = Date()
    do {
        try session.tmux.waitFor("Có mặt \(expected) \(label)", timeout: timeout) { showsPresent(expected, $0) }
        print("follow: Có mặt \(expected) \(label) shown after \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
    } catch let wait as TmuxSession.WaitError {
        let shown = presentFigure(in: wait.screen).map(String.init) ?? "no figure"
        let now = (try? live.presentToday()).map(String.init) ?? "unreadable"
        let late = try? session.tmux.waitFor("Có mặt \(expected) (late)", timeout: timeout) { showsPresent(expected, $0) }
        let verdict = late == nil
            ? "it still did not after \(Int(2 * timeout)) s (a missed change, not load)"
            : "it did after \(String(format: "%.1f", Date().timeIntervalSince(started))) s (late: load)"
        throw ConsoleSessionError("the console showed Có mặt \(shown), not \(expected) (\(label)), \(Int(timeout)) s on; "
                                  + "\(verdict); sqlite3 says \(now) now")
    }
}
