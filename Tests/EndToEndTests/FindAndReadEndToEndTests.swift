import Foundation
import TestSupport
import Testing

/// Issue 17 in a real terminal: search by name from the province, `:` completion, codes on screen, alerts whose
/// severity shows in glyph and colour, and a stale header that changes role. Truth from the sqlite3 CLI.
@Suite("Find anything, read it at a glance (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct FindAndReadEndToEndTests {
    /// A school whose name has Vietnamese letters and is unique, with its code and the part of its name after
    /// "Trường " folded (what a user types without accents).
    private func uniqueSchool(_ session: ConsoleSession) throws -> (name: String, code: String, query: String) {
        let row = try #require(try session.sql("""
            SELECT name, min(code) FROM schools WHERE status = 'active' GROUP BY name
            HAVING count(*) = 1 AND name GLOB '*[^ -~]*' ORDER BY min(id) LIMIT 1
            """).first, "no school with an accented, unique name in the sample")
        let parts = row.components(separatedBy: "|")
        let words = testFold(parts[0]).split(separator: " ").dropFirst()  // without "truong"
        return (parts[0], parts[1], words.joined(separator: " "))
    }

    @Test func searchFromTheProvinceLandsOnTheSchoolAndShowsItsCode() throws {
        let session = try ConsoleSession(columns: 120, rows: 36)
        let tmux = session.tmux
        let school = try uniqueSchool(session)
        try tmux.waitFor("the province dashboard") { $0.contains("Đơn vị hành chính") }

        try tmux.send("/")
        try tmux.type(school.query)
        try tmux.waitFor("\(school.name) among the search results for \"\(school.query)\"") {
            $0.contains("Tìm trong phạm vi") && $0.contains(school.name)
        }
        try tmux.send("Enter")
        let screen = try tmux.waitFor("the school \(school.name) on screen with its code \(school.code)") {
            ($0.split(separator: "\n").first ?? "").contains(school.name) && $0.contains("Mã: \(school.code)")
        }
        let classes = try session.sql("""
            SELECT count(*) FROM classes WHERE school_id = (SELECT id FROM schools WHERE code = '\(school.code)')
            """).first ?? "?"
        #expect(screen.contains("Lớp (\(classes))"), "the school's \(classes) classes (sqlite3)")

        // Esc goes up through the school's commune to the province, as after drilling.
        let commune = try session.sql("""
            SELECT u.name FROM admin_units u JOIN schools s ON s.unit_id = u.id WHERE s.code = '\(school.code)'
            """).first ?? "?"
        try tmux.send("Escape")
        try tmux.waitFor("the commune \(commune) after Esc") { ($0.split(separator: "\n").first ?? "").hasSuffix(commune) || ($0.split(separator: "\n").first ?? "").contains("› \(commune) ") }
    }

    @Test func jumpCompletesTheSchoolAsYouTypeAndTabFillsItsCode() throws {
        let session = try ConsoleSession(columns: 120, rows: 36)
        let tmux = session.tmux
        let school = try uniqueSchool(session)
        try tmux.waitFor("the province dashboard") { $0.contains("Đơn vị hành chính") }

        try tmux.send(":")
        try tmux.type("school \(school.query)")
        try tmux.waitFor("\(school.name) offered while typing \":school \(school.query)\"") {
            $0.contains(school.name) && $0.contains("Tab điền mã")
        }
        try tmux.send("Tab")
        try tmux.waitFor("the code \(school.code) filled in by Tab") { screen in
            screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
                .contains("school \(school.code)") == true
        }
        try tmux.send("Enter")
        try tmux.waitFor("the school \(school.name) after the jump") {
            ($0.split(separator: "\n").first ?? "").contains(school.name) && $0.contains("Mã: \(school.code)")
        }

        // A name that matches nothing: the message is in the UI language, beside the prompt at the bottom.
        try tmux.send(":")
        try tmux.type("khong co truong nay")
        try tmux.send("Enter")
        try tmux.waitFor("the Vietnamese 'no such' message on the bottom lines") { screen in
            screen.split(separator: "\n").suffix(2).joined().contains("không có đơn vị, trường hay lớp nào như vậy")
        }
    }

    @Test func criticalAndWarningAlertsDifferInGlyphAndColour() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-alerts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("sample.sqlite")
        try ConsoleSession.generate(binary: PackagePaths.eduiocBinary.path, to: snapshot, schools: 24)
        // One school offline now (critical); every school short of full reporting gets a completeness warning.
        let sqlite = try ExternalTool.require("sqlite3")
        let offline = try ProcessRunner.run(sqlite, [snapshot.path, """
            INSERT OR REPLACE INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms)
            VALUES ((SELECT min(id) FROM schools WHERE status = 'active'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL, NULL, NULL);
            """])
        #expect(offline.status == 0, "\(offline.stderr)")
        let config = directory.appendingPathComponent("policy.yaml")
        try """
            attendance:
              completeness_warn: 1.0
              completeness_after: "00:00"
            """.write(to: config, atomically: true, encoding: .utf8)
        let session = try ConsoleSession(columns: 120, rows: 36, arguments: ["--config", config.path], snapshot: snapshot)
        let tmux = session.tmux
        try tmux.waitFor("critical and warning counts in the header") { ($0.split(separator: "\n").first ?? "").contains("‼") && ($0.split(separator: "\n").first ?? "").contains("⚠") }
        try tmux.send("a")
        let plain = try tmux.waitFor("the alerts list with both severities") { $0.contains("Cảnh báo (‼") && $0.contains("│ ⚠ ") && $0.contains("│ ‼ ") }
        #expect(plain.contains("mất kết nối"), "the offline school is listed")
        let escaped = try tmux.screenWithEscapes()
        let critical = try #require(activeStyle(before: "‼ ", onLineWith: "│", in: escaped), "no ‼ line in:\n\(escaped)")
        let warning = try #require(activeStyle(before: "⚠ ", onLineWith: "│", in: escaped), "no ⚠ line in:\n\(escaped)")
        #expect(critical != warning, "critical and warning alerts are drawn alike: \(critical) vs \(warning)")
        #expect(!critical.isEmpty && !warning.isEmpty, "alerts carry a colour")
        // Critical first: the first alert line of the list is a critical one.
        let firstAlert = plain.split(separator: "\n").first { $0.contains("│ ‼ ") || $0.contains("│ ⚠ ") } ?? ""
        #expect(firstAlert.contains("‼"), "the list starts with the critical alerts: \(firstAlert)")
    }

    @Test func theStaleHeaderChangesRoleWhenTheThresholdPasses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("policy.yaml")
        try "snapshot:\n  stale_after_minutes: 5\n".write(to: config, atomically: true, encoding: .utf8)
        let session = try ConsoleSession(columns: 120, rows: 36, arguments: ["--config", config.path])
        let tmux = session.tmux
        // Published just now: the age reads in the header's own style.
        try session.sqlWrite("UPDATE meta SET value = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE key = 'published_at'")
        try tmux.waitFor("a fresh header") { ($0.split(separator: "\n").first ?? "").contains("dữ liệu vừa xong") }
        let fresh = try #require(activeStyle(before: "dữ liệu", onLineWith: "EduIOC", in: try tmux.screenWithEscapes()))
        // Published seven minutes ago (past the 5-minute limit): "dữ liệu HH:MM (7 phút)" in another role, and a banner.
        try session.sqlWrite("UPDATE meta SET value = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-7 minutes') WHERE key = 'published_at'")
        let screen = try tmux.waitFor("the stale header and banner") {
            ($0.split(separator: "\n").first ?? "").contains("phút)") && $0.contains("Dữ liệu cũ")
        }
        let stale = try #require(activeStyle(before: "dữ liệu", onLineWith: "EduIOC", in: try tmux.screenWithEscapes()))
        #expect(stale != fresh, "the header's age kept its style past the threshold: \(stale)")
        #expect(stale.contains("7"), "the stale age is drawn in reverse video: \(stale)")
        #expect(screen.contains("ngưỡng 5 phút"), "the banner names the limit")
    }
}

/// The SGR parameters in force just before the first `marker` on the first line containing `lineMarker` (in a
/// `capture-pane -e` dump): every `ESC[…m` since the last reset, joined; nil when there is no such line.
func activeStyle(before marker: String, onLineWith lineMarker: String, in escaped: String) -> String? {
    for line in escaped.split(separator: "\n").map(String.init) where line.contains(lineMarker) {
        guard let range = line.range(of: marker) else { continue }
        let prefix = String(line[..<range.lowerBound])
        var active: [String] = []
        var rest = Substring(prefix)
        while let start = rest.range(of: "\u{1B}[") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(where: { $0.isLetter }) else { break }
            if tail[end] == "m" {
                let params = String(tail[..<end])
                if params.isEmpty || params == "0" || params.hasPrefix("0;") { active = [] }
                if !(params.isEmpty || params == "0") { active.append(params) }
            }
            rest = tail[tail.index(after: end)...]
        }
        return active.joined(separator: ";")
    }
    return nil
}
