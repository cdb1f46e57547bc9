import Foundation
import Testing
import TestSupport

/// Runs the built `eduioc report` binary and checks its output against the sqlite3 shell.
@Suite struct ReportCommandTests {
    func run(_ arguments: [String]) throws -> EduIOCRun { try EduIOCRun.run(arguments) }

    func fixture() throws -> String {
        let path = AnalyticsFixtures.temporaryPath("e2e.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
        return path
    }

    func int(_ object: Any?, _ key: String) -> Int? {
        ((object as? [String: Any])?[key] as? NSNumber)?.intValue
    }

    @Test func provinceJSONMatchesSQL() throws {
        let path = try fixture()
        let result = try run(["report", "--snapshot", path, "--as-of", "2025-10-08T09:30:00+07:00", "--json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["as_of", "published_at", "day", "is_school_day", "before_school_year", "path", "node",
                                   "attendance", "enrollment", "devices", "connectivity", "alerts", "children",
                                   "data_quality", "clock_skew_seconds"])
        #expect(json["clock_skew_seconds"] is NSNull, "a chosen --as-of is never clock skew")
        #expect(json["as_of"] as? String == "2025-10-08T02:30:00Z")
        #expect(json["day"] as? String == "2025-10-08")
        #expect(json["is_school_day"] as? Bool == true)
        let node = json["node"] as? [String: Any]
        #expect(node?["kind"] as? String == "province" && node?["code"] as? String == "P01")
        #expect(node?["name"] as? String == "Tỉnh Hải Thử")

        let active = "SELECT id FROM schools WHERE status = 'active'"
        let day = "2025-10-08", asOf = "2025-10-08T02:30:00Z"
        // The contract's rule (docs/SNAPSHOT.md, Which rows count), written from its text.
        let counts = """
            EXISTS (SELECT 1 FROM students s WHERE s.id = a.student_id AND s.school_id = a.school_id
                    AND s.enrolled_on <= a.day AND (s.left_on IS NULL OR s.left_on > a.day))
            """
        let statuses = try SQLiteCLI.counts(path, """
            SELECT status, count(*) FROM attendance a WHERE day = '\(day)' AND recorded_at <= '\(asOf)'
            AND school_id IN (\(active)) AND \(counts) GROUP BY status
            """)
        let enrolled = try SQLiteCLI.int(path, """
            SELECT count(*) FROM students WHERE school_id IN (\(active))
            AND enrolled_on <= '\(day)' AND (left_on IS NULL OR left_on > '\(day)')
            """)
        let attendance = json["attendance"]
        #expect(int(attendance, "enrolled") == enrolled)
        for status in ["present", "late", "excused", "unexcused"] {
            #expect(int(attendance, status) == statuses[status, default: 0], "\(status)")
        }
        let reported = statuses.values.reduce(0, +)
        #expect(int(attendance, "unreported") == enrolled - reported)
        #expect(int(attendance, "schools_total") == 7)
        let rate = ((attendance as? [String: Any])?["rate"] as? NSNumber)?.doubleValue
        let expectedRate = Double(statuses["present", default: 0] + statuses["late", default: 0]) / Double(reported)
        #expect(abs((rate ?? -1) - expectedRate) < 1e-9)

        let female = try SQLiteCLI.int(path, """
            SELECT count(*) FROM students WHERE school_id IN (\(active)) AND gender = 'F'
            AND enrolled_on <= '\(day)' AND (left_on IS NULL OR left_on > '\(day)')
            """)
        #expect(int(json["enrollment"], "female") == female)
        let computers = try SQLiteCLI.int(path, """
            SELECT count(*) FROM devices WHERE school_id IN (\(active)) AND kind IN ('desktop','laptop','tablet') AND status = 'working'
            """)
        #expect(int(json["devices"], "computers_working") == computers)
        #expect(int(json["connectivity"], "unknown") == 1)
        #expect(int(json["connectivity"], "offline") == 3)

        let children = try #require(json["children"] as? [[String: Any]])
        #expect(children.count == 5)
        #expect(children.reduce(0) { $0 + (int($1["attendance"], "present") ?? 0) } == statuses["present", default: 0])
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        #expect(alerts.contains { $0["kind"] as? String == "school_offline" && $0["node_code"] as? String == "S03" })

        // Every figure the console shows is in the JSON: devices by kind and status, the trend, the data quality.
        let byKind = try #require((json["devices"] as? [String: Any])?["by_kind_and_status"] as? [String: [String: Int]])
        let devices = try SQLiteCLI.int(path, "SELECT count(*) FROM devices WHERE school_id IN (\(active))")
        #expect(byKind.values.flatMap(\.values).reduce(0, +) == devices)
        let trend = try #require((attendance as? [String: Any])?["trend"] as? [[String: Any]])
        let trendDays = try SQLiteCLI.int(path, "SELECT min(30, count(*)) FROM school_days WHERE day <= '\(day)'")
        #expect(trend.count == trendDays)
        #expect(int(attendance, "chronic_absent") != nil)
        #expect(int(json["enrollment"], "teachers") == (try SQLiteCLI.int(path, """
            SELECT count(*) FROM teachers WHERE active <> 0 AND school_id IN (\(active))
            """)))
        let quality = try #require(json["data_quality"] as? [String: Any])
        let leftOut = try SQLiteCLI.int(path, """
            SELECT count(*) FROM attendance a WHERE NOT \(counts)
              AND day IN (SELECT day FROM school_days WHERE day <= '\(day)' ORDER BY day DESC LIMIT 30)
              AND (day < '\(day)' OR recorded_at <= '\(asOf)')
            """)
        #expect(int(quality, "rows_left_out") == leftOut)
    }

    @Test func sundayIsLabelled() throws {
        let path = try fixture()
        let result = try run(["report", "--snapshot", path, "--as-of", "2025-10-12T10:00:00+07:00", "--school", "S01", "--json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(json["is_school_day"] as? Bool == false)
        #expect(json["day"] as? String == "2025-10-10")
        let present = try SQLiteCLI.int(path, "SELECT count(*) FROM attendance WHERE day = '2025-10-10' AND school_id = 1 AND status = 'present'")
        #expect(int(json["attendance"], "present") == present)
        let text = try run(["report", "--snapshot", path, "--as-of", "2025-10-12T10:00:00+07:00", "--school", "S01", "--lang", "en"])
        let output = text.standardOutput
        let vietnamese = try run(["report", "--snapshot", path, "--as-of", "2025-10-12T10:00:00+07:00", "--school", "S01"])
        #expect(vietnamese.standardOutput.contains("ngày 2025-10-12 không có buổi học — số liệu ngày học gần nhất, 2025-10-10"),
                "Vietnamese is the default: \(vietnamese.standardOutput)")
        #expect(vietnamese.standardOutput.contains("Sĩ số: ") && !vietnamese.standardOutput.contains("Enrollment:"))
        #expect(output.contains("no school on 2025-10-12 — showing the last school day, 2025-10-10"))
        #expect(output.contains("Trường Tiểu học Nguyễn Trãi"))
    }

    @Test func errorsAreOneLineOnStderr() throws {
        let path = try fixture()
        let outside = try run(["report", "--snapshot", path, "--school", "S01", "--scope", "X02", "--as-of", "2025-10-08T02:30:00Z"])
        #expect(outside.status != 0)
        #expect(outside.standardError == "eduioc: S01: not in your area\n")
        let ghost = try run(["report", "--snapshot", path, "--school", "NOPE", "--scope", "X02"])
        #expect(ghost.standardError == "eduioc: NOPE: not in your area\n")
        // An empty --scope (an unset shell variable) is refused, never read as the whole province.
        for command in ["report", "console"] {
            let empty = try run([command, "--snapshot", path, "--scope", " , "])
            #expect(empty.status != 0, "\(command) --scope \" , \"")
            #expect(empty.standardError.contains("--scope is empty"), "\(command): \(empty.standardError)")
            #expect(empty.standardOutput.isEmpty)
        }
        let missing = try run(["report", "--snapshot", path + ".missing"])
        #expect(missing.status != 0 && missing.standardError == "eduioc: \(path).missing: no such file\n")
        let broken = AnalyticsFixtures.temporaryPath("broken.sqlite")
        try SQLiteCLI.execute(broken, script: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);")
        let invalid = try run(["report", "--snapshot", broken])  // validated by SectorData before any figure
        #expect(invalid.status != 0 && invalid.standardError.hasPrefix("eduioc: \(broken): "))
        #expect(invalid.standardError.split(separator: "\n").count == 1)
        let badConfig = AnalyticsFixtures.temporaryPath("bad.yaml")
        try "attendance:\n  rate_warm: 0.9\n".write(toFile: badConfig, atomically: true, encoding: .utf8)
        let config = try run(["report", "--snapshot", path, "--config", badConfig])
        #expect(config.status != 0 && config.standardError.contains("unknown key \"attendance.rate_warm\""))
        #expect(config.standardError.split(separator: "\n").count == 1)
    }
}
