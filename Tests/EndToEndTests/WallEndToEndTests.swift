import Foundation
import TestSupport
import Testing

/// The wall (`eduioc console --wall`) in a real 200×60 terminal: big tiles, pages on a timer, the pause key,
/// and what changed after the feed publishes and after a school drops offline.
@Suite("Wall end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct WallEndToEndTests {
    /// "Trang N/5" on screen.
    static func page(_ screen: String) -> Int? {
        guard let range = screen.range(of: "Trang ") else { return nil }
        return Int(String(screen[range.upperBound...].prefix { $0.isNumber }))
    }

    /// Today's share of enrolled pupils with a row that counts (contract rule, written independently), by sqlite3.
    static func shareReported(_ live: LiveSnapshot) throws -> Double {
        let day = LiveSnapshot.todaySQL
        let row = try live.sql("""
            SELECT (SELECT count(*) FROM attendance a JOIN students s ON s.id = a.student_id
                     WHERE a.day = \(day) AND a.recorded_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                       AND a.status IN ('present', 'late', 'excused', 'unexcused') AND s.school_id = a.school_id
                       AND s.enrolled_on <= a.day AND (s.left_on IS NULL OR s.left_on > a.day)
                       AND a.school_id IN (SELECT id FROM schools WHERE status = 'active')),
                   (SELECT count(*) FROM students WHERE enrolled_on <= \(day) AND (left_on IS NULL OR left_on > \(day))
                       AND school_id IN (SELECT id FROM schools WHERE status = 'active'))
            """).first ?? ""
        let parts = row.split(separator: "|").compactMap { Double($0) }
        guard parts.count == 2, parts[1] > 0 else { throw ConsoleSessionError("no share from sqlite3: \(row)") }
        return parts[0] / parts[1]
    }

    /// Every "▲ +12,5 điểm" / "▼ -0,4 điểm" on screen, as signed numbers.
    static func deltas(_ screen: String) -> [Double] {
        let pattern = #"([▲▼]) [+-]([0-9]+,[0-9]) điểm"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = screen as NSString
        return regex.matches(in: screen, range: NSRange(location: 0, length: text.length)).compactMap { match in
            let value = Double(text.substring(with: match.range(at: 2)).replacingOccurrences(of: ",", with: "."))
            return value.map { text.substring(with: match.range(at: 1)) == "▼" ? -$0 : $0 }
        }
    }

    @Test func aConnectedConsoleStartsOnTheWallAndRotates() throws {
        guard getuid() == 0 else { throw ConsoleSessionError("serve's access file must be root's: run as root") }
        let snapshot = try SampleFixtures.freshSnapshot(schools: 8, seed: 5, historyDays: 3)
        let folder = snapshot.deletingLastPathComponent()
        let access = folder.appendingPathComponent("access.yaml")
        try "users:\n  root:\n    scope: province\n".write(to: access, atomically: true, encoding: .utf8)
        chmod(access.path, 0o644)
        let socket = folder.appendingPathComponent("wall.sock").path
        let crashLog = folder.appendingPathComponent("crash.log")
        FileManager.default.createFile(atPath: crashLog.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let server = try BackgroundProcess(PackagePaths.eduiocBinary.path,
                                           ["serve", "--snapshot", snapshot.path, "--socket", socket, "--access-file", access.path,
                                            "--crash-log", folder.appendingPathComponent("serve-crash.log").path],
                                           logFile: folder.appendingPathComponent("serve.log"))
        defer { server.stop() }
        let deadline = Date().addingTimeInterval(20)
        while !server.log.contains("listening on") && server.isRunning && Date() < deadline { usleep(50_000) }
        let console = [PackagePaths.eduiocBinary.path, "console", "--connect", socket, "--rotate", "2s",
                       "--crash-log", crashLog.path].map(TmuxSession.quote).joined(separator: " ")
        let tmux = try TmuxSession(columns: 200, rows: 60, command: console + "; echo EXIT:$?; sleep 600")
        let schools = try SQLiteCLI.int(snapshot.path, "SELECT count(*) FROM schools WHERE status = 'active'")
        try tmux.waitFor("the wall through the server, with its \(schools) schools (sqlite3) and the check-in chart's days") {
            Self.page($0) == 1 && $0.contains("/ \(schools) trường") && $0.contains("hôm qua")
        }
        try tmux.waitFor("the timer to turn the page", timeout: 15) { Self.page($0) == 2 }
        try tmux.send("q")
        let end = try tmux.waitFor(text: "EXIT:")
        #expect(end.contains("EXIT:0"), "\(end)")
    }

    @Test func tilesShowAndPagesRotateOnTheTimerAndPauseOnTheKey() throws {
        let session = try ConsoleSession(columns: 200, rows: 60, arguments: ["--wall", "--rotate", "2s"])
        let schools = try session.sql("SELECT count(*) FROM schools WHERE status = 'active'").first ?? "?"
        let first = try session.tmux.waitFor("the wall's tiles with the schools (\(schools), sqlite3)") {
            $0.contains("Trang 1/5") && $0.contains("Tỉ lệ đi học") && $0.contains("/ \(schools) trường")
        }
        // Doubled big numbers: six rows of full blocks under the tile titles.
        let tileRows = first.split(separator: "\n").dropFirst(4).prefix(6)
        #expect(tileRows.count == 6 && tileRows.allSatisfy { $0.contains("██") }, "big numbers at 200×60:\n\(first)")
        #expect(first.range(of: #"cập nhật lúc \d\d:\d\d:\d\d"#, options: .regularExpression) != nil)
        #expect(first.range(of: #" \d\d:\d\d:\d\d │"#, options: .regularExpression) != nil, "a clock with seconds")

        try session.tmux.waitFor("the timer to show page 2", timeout: 10) { Self.page($0) == 2 }
        try session.tmux.send("Space")
        let paused = try session.tmux.waitFor(text: "đã dừng xoay trang")
        let stopped = try #require(Self.page(paused))
        usleep(4_500_000)  // more than two rotations' time
        #expect(Self.page(try session.tmux.screen()) == stopped, "no rotation while paused")
        try session.tmux.send("]")
        try session.tmux.waitFor("] to step a page") { Self.page($0) == stopped % 5 + 1 }
        try session.tmux.send("Space")
        try session.tmux.waitFor("the rotation to resume", timeout: 10) { Self.page($0) == (stopped + 1) % 5 + 1 }
        try session.tmux.send("q")
        #expect(try session.tmux.waitFor(text: " END").contains("EXIT:0"))
    }

    @Test func afterTheFeedAChangedFigureCarriesItsDeltaAndANewAlertIsMarked() throws {
        let live = try LiveSnapshot()
        let session = try ConsoleSession(columns: 200, rows: 60, arguments: ["--wall"], snapshot: live.url)
        let schools = try live.sql("SELECT count(*) FROM schools WHERE status = 'active'").first ?? "?"
        let before = try session.tmux.waitFor("the wall's tiles") { $0.contains("/ \(schools) trường") }
        #expect(!before.contains("▲ +"), "no delta before any refresh:\n\(before)")
        let reportedBefore = try live.sql("SELECT count(*) FROM attendance WHERE day = \(LiveSnapshot.todaySQL)").first
        let shareBefore = try Self.shareReported(live)

        _ = try live.feed(["--mode", "in-place", "--speed", "600", "--publications", "1", "--interval", "0.3"])
        let reportedAfter = try live.sql("SELECT count(*) FROM attendance WHERE day = \(LiveSnapshot.todaySQL)").first
        #expect(reportedAfter != reportedBefore, "the feed added rows (sqlite3)")
        let after = try session.tmux.waitFor("a ▲ delta after the feed", timeout: 10) { $0.contains("▲ +") }
        // The share-reported tile's delta is the move sqlite3 sees, in percentage points ("▲ +12,5 điểm").
        let expected = (try Self.shareReported(live) - shareBefore) * 100
        let shown = Self.deltas(after)
        #expect(shown.contains { abs($0 - expected) <= 0.051 }, "expected ▲ +\(expected) điểm among \(shown):\n\(after)")

        // A school that is online now drops offline (its newest probe fails): the alert is new.
        let online = try #require(try live.sql("""
            SELECT s.id || '|' || s.name FROM schools s WHERE s.status = 'active' AND (SELECT p.download_mbps FROM
              connectivity_probes p WHERE p.school_id = s.id ORDER BY p.measured_at DESC LIMIT 1) >= 20 ORDER BY s.id LIMIT 1
            """).first)
        let id = online.prefix { $0 != "|" }, name = String(online.drop { $0 != "|" }.dropFirst())
        for _ in 0..<4 { try session.tmux.send("]") }
        try session.tmux.waitFor(text: "Trang 5/5")
        try live.execute("""
            INSERT INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms)
            VALUES (\(id), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL, NULL, NULL)
            """)
        let marked = try session.tmux.waitFor("the new offline alert of \(name) marked MỚI", timeout: 10) { screen in
            screen.split(separator: "\n").contains { $0.contains("MỚI") && $0.contains(name) && $0.contains("mất kết nối") }
        }
        #expect(marked.contains("· MỚI 1"), "the title counts one new alert:\n\(marked)")
        try session.tmux.send("q")
        #expect(try session.tmux.waitFor(text: " END").contains("EXIT:0"))
    }
}
