import Foundation
import SectorData
import Testing
import TestSupport

/// The data-quality list and a class's own history, in the real console in tmux, on a snapshot an outside ETL wrote
/// from docs/SNAPSHOT.md (ContractFixtures) dated to this week, checked against the sqlite3 shell.
@Suite("Data quality and class history end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct DataQualityEndToEndTests {
    /// Four school days before today and today, in the province's time zone (weekends included: the contract lets a
    /// province teach on any day it lists).
    static func recentDays() -> [String] {
        let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        return (0..<5).reversed().map { SnapshotTime.formatDay(Date().addingTimeInterval(-Double($0) * 86_400), in: zone) }
    }

    /// Writes the fixture with rows stamped early on each day (today's an hour ago) and returns its path.
    static func snapshot(in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("contract.sqlite")
        let days = recentDays()
        let now = Date()
        let builder = try ContractFixtures.integrityProvince(
            publishedAt: SnapshotTime.format(now.addingTimeInterval(-30)), days: days,
            stamp: { n, day in n == days.count - 1 ? SnapshotTime.format(now.addingTimeInterval(-3600)) : "\(day)T01:00:00Z" })
        try builder.write(to: url.path)
        return url
    }

    @Test func theDataToFixListShowsExportsAndSwitchesLanguage() throws {
        let directory = try TestScratch.makeDirectory("dq-e2e")
        let url = try Self.snapshot(in: directory)
        let session = try ConsoleSession(columns: 140, rows: 40, arguments: ["--export-dir", directory.path], snapshot: url)
        let tmux = session.tmux
        try tmux.waitFor(text: "Chuyên cần")
        // The attendance panel says how many of today's rows are left out (sqlite3: the contract's rule).
        let today = Self.recentDays().last ?? ""
        let leftOutToday = try session.sql("""
            SELECT count(*) FROM attendance a WHERE a.day = '\(today)' AND NOT (a.status IN ('present', 'late', 'excused', 'unexcused')
              AND EXISTS (SELECT 1 FROM students s WHERE s.id = a.student_id AND s.school_id = a.school_id
                          AND s.enrolled_on <= a.day AND (s.left_on IS NULL OR s.left_on > a.day)))
            """).first ?? "?"
        #expect(leftOutToday == "3")
        try tmux.waitFor(text: "⚠ \(leftOutToday) dòng bị loại (d)")
        try tmux.send("d")
        // Four rows of SA's pupils who were not enrolled (sqlite3 agrees below), one unknown student, one row naming
        // another school, one invalid status, the duplicated code.
        let notEnrolled = try session.sql("""
            SELECT count(*) FROM attendance a JOIN students s ON s.id = a.student_id
            WHERE a.school_id = 1 AND s.school_id = a.school_id AND NOT (s.enrolled_on <= a.day AND (s.left_on IS NULL OR s.left_on > a.day))
            """).first ?? "?"
        #expect(notEnrolled == "4")
        let screen = try tmux.waitFor("the data-to-fix list") {
            $0.contains("Dữ liệu cần sửa") && $0.contains("Trường THCS An (SA): \(notEnrolled) dòng · học sinh không theo học ngày đó")
        }
        #expect(screen.contains("học sinh không có trong danh sách"), "\(screen)")
        #expect(screen.contains("ghi tên trường khác trường của học sinh"), "\(screen)")
        #expect(screen.contains("giá trị không hợp lệ"), "\(screen)")
        #expect(screen.contains("Mã DUP bị trùng"), "\(screen)")

        // e writes the list as CSV into the export folder.
        try tmux.send("e")
        try tmux.waitFor(text: "Đã xuất")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("eduioc-data-quality-") }
        let file = try #require(files.first, "no data-quality CSV in \(directory.path)")
        let csv = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        #expect(csv.hasPrefix("Mã trường,Tên trường,Lý do,Mã lý do,Số dòng,Từ ngày,Đến ngày\r\n"), "\(csv)")
        #expect(csv.contains("\r\nSA,Trường THCS An,học sinh không theo học ngày đó,not_enrolled,\(notEnrolled),"), "\(csv)")

        // Enter goes to the selected school; in English the list says the same.
        try tmux.send("Enter")
        try tmux.waitFor("the school of the first row") { ($0.split(separator: "\n").first ?? "").contains("Trường THCS An") }
        try tmux.send("L")
        try tmux.send("d")
        try tmux.waitFor("the list in English") { $0.contains("Data to fix") && $0.contains("pupil not enrolled that day") }
    }

    /// The class page's "30 school days" table shows the class's own days, each checked against the sqlite3 shell.
    @Test func aClassPageShowsItsOwnHistory() throws {
        let directory = try TestScratch.makeDirectory("class-e2e")
        let url = try Self.snapshot(in: directory)
        let session = try ConsoleSession(columns: 140, rows: 45, arguments: ["--lang", "en"], snapshot: url)
        let tmux = session.tmux
        try tmux.waitFor(text: "Attendance")
        try tmux.send(":")
        try tmux.type("SA/10A1")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("the class 10A1 page") { $0.contains("30 school days · 10A1") && !$0.contains("Loading") }
        // 10A1 is absent every day: its rate is 0 on each day, while its school's is above 80 %.
        let days = Self.recentDays()
        for day in days {
            let row = try session.sql("""
                SELECT sum(a.status IN ('present', 'late')), count(*) FROM attendance a
                WHERE a.day = '\(day)' AND a.class_id = 3 AND EXISTS (SELECT 1 FROM students s WHERE s.id = a.student_id
                  AND s.school_id = a.school_id AND s.enrolled_on <= a.day AND (s.left_on IS NULL OR s.left_on > a.day))
                """).first ?? ""
            #expect(row == "0|3", "class 10A1 on \(day): \(row)")
            let label = String(day.suffix(5).split(separator: "-").reversed().joined(separator: "/"))
            let line = screen.split(separator: "\n").first { $0.contains(label) && $0.contains("%") }
            #expect(line.map { $0.contains("0.0%") || $0.contains("0%") } == true, "\(day) (\(label)) in:\n\(screen)")
        }
        #expect(!screen.contains("95."), "the school's rates are not on the class page:\n\(screen)")
    }
}
