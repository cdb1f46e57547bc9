import Foundation
import TestSupport
import Testing

/// The real binary in a real terminal (tmux): start, drill, return, filter, resize, quit.
@Suite("Console end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct ConsoleEndToEndTests {
    @Test func drillFilterResizeAndQuit() throws {
        let session = try ConsoleSession()
        let tmux = session.tmux
        let topUnits = try session.sql("""
            SELECT count(*) FROM admin_units WHERE parent_id = (SELECT id FROM admin_units WHERE parent_id IS NULL)
            """).first ?? "?"
        // Start: panels and the province's units table.
        try tmux.waitFor("the dashboard") { $0.contains("Chuyên cần") && $0.contains("Kết nối") && $0.contains("Thiết bị") }
        try tmux.waitFor(text: "(\(topUnits))")

        // Enter drills into the selected (first) unit: its schools table, count checked against SQL.
        let before = try tmux.screen()
        try tmux.send("Enter")
        let header = try tmux.waitFor("the breadcrumb of the drilled unit") {
            ($0.split(separator: "\n").first ?? "").contains("›") && $0 != before
        }.split(separator: "\n").first.map(String.init) ?? ""
        let unitName = try #require(header.components(separatedBy: "›").last?
            .trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first, "no breadcrumb in: \(header)")
        let schools = try session.sql("""
            SELECT count(*) FROM schools s JOIN admin_units u ON u.id = s.unit_id
            WHERE u.name = '\(unitName.replacingOccurrences(of: "'", with: "''"))' AND s.status = 'active'
            """).first ?? "?"
        try tmux.waitFor("the table of \(unitName) listing \(schools) schools (sqlite3)") { $0.contains("Trường (\(schools))") }

        // Esc returns to the province.
        try tmux.send("Escape")
        try tmux.waitFor(text: "(\(topUnits))")

        // `:unit` with an unaccented name, then `/` with an unaccented school name finds the accented school.
        let row = try #require(try session.sql("""
            SELECT s.name, u.name FROM schools s JOIN admin_units u ON u.id = s.unit_id
            WHERE s.name GLOB '*[^ -~]*' AND s.status = 'active' ORDER BY s.id LIMIT 1
            """).first)
        let parts = row.components(separatedBy: "|")
        let (schoolName, communeName) = (parts[0], parts[1])
        try tmux.send(":")
        try tmux.type("unit \(testFold(communeName))")
        try tmux.send("Enter")
        let quotedCommune = communeName.replacingOccurrences(of: "'", with: "''")
        let schoolsThere = try session.sql(
            "SELECT count(*) FROM schools s JOIN admin_units u ON u.id = s.unit_id WHERE u.name = '\(quotedCommune)' AND s.status = 'active'"
        ).first ?? "?"
        try tmux.waitFor("the jump to \(communeName)") {
            ($0.split(separator: "\n").first ?? "").contains(communeName) && $0.contains("Trường (\(schoolsThere))")
        }
        try tmux.send("/")
        let query = testFold(schoolName)
        try tmux.type(query)
        try tmux.send("Tab")  // keep the search text as the table's filter
        let filtered = try tmux.waitFor("only the accented school after filtering by \"\(query)\"") {
            $0.contains("Trường (1/\(schoolsThere))") && $0.contains(schoolName)
        }
        let others = try session.sql(
            "SELECT s.name FROM schools s JOIN admin_units u ON u.id = s.unit_id WHERE u.name = '\(quotedCommune)' AND s.status = 'active'"
        ).filter { $0 != schoolName }
        #expect(!others.isEmpty)
        let tableLines = filtered.split(separator: "\n").drop { !$0.contains("Trường (1/") }.prefix { !$0.hasPrefix("└") }
        let leaked = others.filter { other in tableLines.contains { $0.contains(other) } }
        #expect(leaked.isEmpty, "schools the filter should hide: \(leaked)")
        try tmux.send("Escape", "Escape")

        // `:` and a bare school code jumps to that school; Esc twice comes back to the province.
        let school = try #require(try session.sql("""
            SELECT s.code, s.name FROM schools s WHERE s.status = 'active' ORDER BY s.id DESC LIMIT 1
            """).first).components(separatedBy: "|")
        let classes = try session.sql("""
            SELECT count(*) FROM classes WHERE school_id = (SELECT id FROM schools WHERE code = '\(school[0])')
            """).first ?? "?"
        try tmux.send(":")
        try tmux.type(school[0].lowercased())
        try tmux.send("Enter")
        try tmux.waitFor("the jump to school \(school[0]): its \(classes) classes (sqlite3)") {
            $0.contains("Lớp (\(classes))") && $0.contains(school[1])
        }
        try tmux.send("Escape", "Escape")
        try tmux.waitFor(text: "(\(topUnits))")

        // Resize to 70×20 (still a dashboard), below the minimum (message), and back.
        try tmux.resize(columns: 70, rows: 20)
        try tmux.waitFor("the 70×20 dashboard") { $0.contains("Chuyên cần") && $0.split(separator: "\n").count <= 20 }
        try tmux.resize(columns: 50, rows: 12)
        try tmux.waitFor(text: "quá nhỏ")
        try tmux.resize(columns: 100, rows: 30)
        try tmux.waitFor("the dashboard again") { $0.contains("Chuyên cần") && !$0.contains("quá nhỏ") }

        // q exits 0 and the shell finds its terminal restored (canonical mode and echo back on).
        try tmux.send("q")
        let after = try tmux.waitFor(text: " END")
        let exitedCleanly = after.contains("EXIT:0")
        #expect(exitedCleanly, "exit status 0 after q")
        let modes = after.components(separatedBy: "MODES:").last?.components(separatedBy: "END").first ?? ""
        let words = Set(modes.split(separator: " ").map(String.init))
        #expect(words.contains("icanon") && words.contains("echo"), "terminal modes after exit: \(modes)")
    }

    /// The console keeps its summaries in the user's cache folder: a second start on the same snapshot finds the
    /// file (mode 0600), shows the same figures, and has nothing to recompute (the file is not rewritten).
    @Test func aRestartStartsFromTheSavedSummaries() throws {
        let first = try ConsoleSession()
        let present = Int(try first.sql("""
            SELECT count(*) FROM attendance WHERE day = \(LiveSnapshot.todaySQL) AND status = 'present'
              AND recorded_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            """).first ?? "") ?? -1
        try first.tmux.waitFor("the dashboard with Có mặt \(present) (sqlite3)") { showsPresent(present, $0) }
        try first.tmux.send("q")
        _ = try first.tmux.waitFor(text: " END")
        let folder = first.directory.appendingPathComponent("cache/eduioc/summaries")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("summaries-") }
        try #require(files.count == 1, "one summaries file in \(folder.path): \(files)")
        let file = folder.appendingPathComponent(files[0])
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let written = attributes[.modificationDate] as? Date

        let second = try ConsoleSession(snapshot: first.snapshot,
                                        environment: ["XDG_CACHE_HOME": first.directory.appendingPathComponent("cache").path])
        try second.tmux.waitFor("the restarted dashboard with Có mặt \(present) (sqlite3)") { showsPresent(present, $0) }
        try second.tmux.send("q")
        _ = try second.tmux.waitFor(text: "EXIT:0")
        let rewritten = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(rewritten == written, "nothing was recomputed, so the file was not rewritten")
    }

    @Test func hostileNamesNeverReachTheTerminalAndColumnsStayAligned() throws {
        // Poison a sample's school names: an OSC title sequence, a bidi override, NFD Vietnamese.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("hostile.sqlite")
        try ConsoleSession.generate(binary: PackagePaths.eduiocBinary.path, to: snapshot, schools: 12)
        let sqlite = try ExternalTool.require("sqlite3")
        let firstUnit = "(SELECT unit_id FROM schools ORDER BY unit_id LIMIT 1)"
        let poison = """
            UPDATE schools SET name = 'Trường ' || char(27) || ']0;PWNED' || char(7) || 'Ác'
              WHERE id = (SELECT min(id) FROM schools WHERE unit_id = \(firstUnit));
            UPDATE schools SET name = 'Trường ' || char(8238) || 'Lê Lợi'
              WHERE id = (SELECT max(id) FROM schools WHERE unit_id = \(firstUnit));
            UPDATE admin_units SET name = 'Xã Nguye' || char(770) || char(771) || 'n Tra' || char(771) || 'i'
              WHERE id = \(firstUnit);
            """
        let result = try ProcessRunner.run(sqlite, [snapshot.path, poison])
        #expect(result.status == 0, "\(result.stderr)")

        let session = try ConsoleSession(columns: 120, rows: 40, snapshot: snapshot, recordRawOutput: true)
        try session.tmux.waitFor(text: "Nguyễn Trãi")  // the NFD unit name is shown composed
        try session.tmux.send(":")
        try session.tmux.type("unit nguyen trai")
        try session.tmux.send("Enter")
        let screen = try session.tmux.waitFor("the poisoned unit's schools") { $0.contains("PWNED") && $0.contains("Lê Lợi") }
        try session.tmux.send("q")
        _ = try session.tmux.waitFor(text: "EXIT:0")
        session.tmux.close()

        let raw = try Data(contentsOf: session.rawLog)
        #expect(!raw.isEmpty, "no raw output was recorded")
        #expect(raw.range(of: Data("\u{1B}]0;PWNED".utf8)) == nil, "the OSC sequence from the data reached the terminal")
        #expect(raw.range(of: Data("\u{202E}".utf8)) == nil, "the bidi override reached the terminal")
        #expect(raw.range(of: Data("e\u{0302}\u{0303}".utf8)) == nil, "decomposed text reached the terminal")
        // Every line of the table ends with its right border in the same column.
        let rows = screen.split(separator: "\n").map(String.init).filter { $0.hasPrefix("│") && $0.hasSuffix("│") }
        let widths = Set(rows.map(\.count))
        if rows.count <= 3 || widths.count != 1 { print(screen) }
        #expect(rows.count > 3, "table rows found: \(rows.count)")
        #expect(widths.count == 1, "table rows of different widths: \(widths.sorted())")
    }
}
