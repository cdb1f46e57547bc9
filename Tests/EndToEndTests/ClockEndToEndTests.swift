import Foundation
import TestSupport
import Testing

/// Issue 14, clocks, in a real terminal: a writer whose clock runs 20 minutes ahead is shown as clock skew with
/// schools online, and a snapshot that stops changing turns stale whatever its `published_at` says.
@Suite("Clock skew and frozen data (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct ClockEndToEndTests {
    private func scratch(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// `date` as the sample generator's `--now` (ISO-8601 with offset, UTC).
    private func isoWithOffset(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'+00:00'"
        return formatter.string(from: date)
    }

    @Test func aWriterTwentyMinutesAheadIsShownAsSkewWithSchoolsOnline() throws {
        let directory = try scratch("skew")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("ahead.sqlite")
        let result = try ProcessRunner.run(PackagePaths.eduiocBinary.path, [
            "sample", "generate", "--out", snapshot.path, "--schools", "12", "--seed", "5", "--history-days", "3",
            "--force-school-day", "--now", isoWithOffset(Date().addingTimeInterval(20 * 60))], timeout: 300)
        try #require(result.status == 0, "sample generate: \(result.stderr)")
        let sqlite = try ExternalTool.require("sqlite3")
        // Truth: published_at leads this machine's clock by about 20 minutes, and every active school's latest
        // probe succeeded within 15 minutes of it.
        let truth = try ProcessRunner.run(sqlite, ["-readonly", snapshot.path, """
            SELECT (CAST(strftime('%s', (SELECT value FROM meta WHERE key = 'published_at')) AS INTEGER)
                    - CAST(strftime('%s', 'now') AS INTEGER) + 30) / 60,
                   (SELECT count(*) FROM schools s WHERE s.status = 'active' AND EXISTS (
                       SELECT 1 FROM connectivity_probes p WHERE p.school_id = s.id AND p.download_mbps IS NOT NULL
                         AND p.measured_at = (SELECT max(measured_at) FROM connectivity_probes WHERE school_id = s.id)
                         AND p.measured_at >= (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', value, '-15 minutes')
                                               FROM meta WHERE key = 'published_at')))
            """])
        let fields = truth.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int($0) }
        try #require(fields.count == 2, "sqlite3: \(truth.stdout) \(truth.stderr)")
        let lead = fields[0], online = fields[1]
        #expect((19...20).contains(lead))
        #expect(online > 0)

        let session = try ConsoleSession(columns: 130, rows: 36, snapshot: snapshot)
        let screen = try session.tmux.waitFor("the clock-skew note") { $0.contains("Dữ liệu nhanh hơn đồng hồ máy chủ") }
        let minutes = (lead - 1)...lead
        #expect(minutes.contains { screen.contains("Dữ liệu nhanh hơn đồng hồ máy chủ \($0) phút") },
                "the note names the lead (\(lead) min by sqlite3):\n\(screen)")
        // `report` on this server's clock (no --as-of) counts the schools online at the data's time, as sqlite3 does.
        let report = try ProcessRunner.run(PackagePaths.eduiocBinary.path,
                                           ["report", "--snapshot", snapshot.path, "--json"], timeout: 120)
        try #require(report.status == 0, "report: \(report.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let connectivity = try #require(object?["connectivity"] as? [String: Any])
        let shownOnline = ((connectivity["good"] as? Int) ?? -1) + ((connectivity["moderate"] as? Int) ?? -1)
        #expect(shownOnline == online, "online at the data's time: \(connectivity)")
        // English says the same.
        try session.tmux.send("L")
        let english = try session.tmux.waitFor("the English note") { $0.contains("ahead of this server's clock") }
        #expect(minutes.contains { english.contains("data time is \($0) min ahead of this server's clock") }, "\(english)")
    }

    @Test func aSnapshotPublishedIn2099ThatStopsChangingTurnsStale() throws {
        let directory = try scratch("frozen")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("frozen.sqlite")
        try ConsoleSession.generate(binary: PackagePaths.eduiocBinary.path, to: snapshot, schools: 12)
        let sqlite = try ExternalTool.require("sqlite3")
        let update = try ProcessRunner.run(sqlite, [snapshot.path,
                                                    "UPDATE meta SET value = '2099-01-01T00:00:00Z' WHERE key = 'published_at'"])
        try #require(update.status == 0, "\(update.stderr)")
        let config = directory.appendingPathComponent("policy.yaml")
        try "snapshot:\n  stale_after_minutes: 1\n".write(to: config, atomically: true, encoding: .utf8)

        let started = Date()
        let session = try ConsoleSession(columns: 130, rows: 36, arguments: ["--config", config.path], snapshot: snapshot)
        let first = try session.tmux.waitFor("the dashboard") { $0.contains("Kết nối") && $0.contains("dữ liệu") }
        #expect(!first.contains("Dữ liệu cũ"), "fresh at first:\n\(first)")
        // Nothing changes: past the one-minute limit the banner says so, naming when the data last changed.
        let stale = try session.tmux.waitFor("the stale banner for unchanged data", timeout: 120) {
            $0.contains("Dữ liệu cũ: không thay đổi từ")
        }
        #expect(Date().timeIntervalSince(started) > 60, "not before the limit")
        #expect(stale.contains("ngưỡng 1 phút"), "the banner names the limit:\n\(stale)")
        let header = stale.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("vừa xong"), "the header no longer says the data is current: \(header)")
    }
}
