import Analytics
import Foundation
import ReportModel
import Testing
import TestSupport

/// Edge cases of the rich fixture: empty school, never probed, all probes failed, empty commune,
/// days off, before the school year, alerts.
@Suite struct EdgeCaseTests {
    let path: String
    let engine: AnalyticsEngine
    let asOf = AnalyticsFixtures.instant(AnalyticsFixtures.richAsOf)

    init() throws {
        path = AnalyticsFixtures.temporaryPath("edge.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
        engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
    }

    @Test func schoolWithoutStudents() throws {
        #expect(try SQLiteCLI.int(path, "SELECT count(*) FROM students WHERE school_id = 3") == 0)
        let f = try engine.report(for: try engine.node(code: "S03"), asOf: asOf).figures
        #expect(f.attendance.enrolled == 0)
        #expect(f.attendance.rate == nil)
        #expect(f.attendance.completeness == nil)
        #expect(f.attendance.schoolsReporting == 0)
        #expect(f.attendance.schoolsTotal == 1)
        #expect(f.devices.learnersPerComputer == (f.devices.computersWorking > 0 ? 0 : nil))
        #expect(f.enrollment.pupilTeacherRatio == (f.enrollment.teachers > 0 ? 0 : nil))
        #expect(f.enrollment.byLevel.isEmpty)
    }

    @Test func everyProbeFailedIsOfflineSinceTheFirstFailure() throws {
        #expect(try SQLiteCLI.int(path, "SELECT count(*) FROM connectivity_probes WHERE school_id = 3 AND download_mbps IS NOT NULL") == 0)
        let f = try engine.report(for: try engine.node(code: "S03"), asOf: asOf).figures
        #expect(f.connectivity.status == .offline)
        let first = try SQLiteCLI.rows(path, "SELECT min(measured_at) FROM connectivity_probes WHERE school_id = 3")[0][0]
        #expect(f.connectivity.offlineSchools.first?.since == AnalyticsFixtures.instant(first))
    }

    @Test func neverProbedIsUnknownNotOffline() throws {
        #expect(try SQLiteCLI.int(path, "SELECT count(*) FROM connectivity_probes WHERE school_id = 4") == 0)
        let f = try engine.report(for: try engine.node(code: "S04"), asOf: asOf).figures
        #expect(f.connectivity.status == .unknown)
        #expect([f.connectivity.unknown, f.connectivity.offline] == [Int]([1, 0]))
    }

    @Test func silentAndDroppedSchoolsHaveTheirOutageStart() throws {
        let province = try engine.report(for: nil, asOf: asOf).figures.connectivity
        let since = Dictionary(uniqueKeysWithValues: province.offlineSchools.map { ($0.school.code, $0.since) })
        // S05: last good probe 01:00Z, none since → offline since the missed probe at 01:05Z.
        #expect(since["S05"] == AnalyticsFixtures.instant("2025-10-08T01:05:00Z"))
        // S06: good until 02:00Z, failing from 02:05Z (later good probes are after as-of and ignored).
        #expect(since["S06"] == AnalyticsFixtures.instant("2025-10-08T02:05:00Z"))
        #expect(province.offlineSchools.first?.school.code == "S03")  // longest outage first
    }

    @Test func communeWithoutSchools() throws {
        let report = try engine.report(for: try engine.node(code: "X03"), asOf: asOf)
        let f = report.figures
        #expect(f.attendance.enrolled == 0 && f.attendance.schoolsTotal == 0)  // S08 there is closed
        #expect(f.attendance.rate == nil)
        #expect(f.connectivity == ConnectivityFigures())
        #expect(report.children.isEmpty)
        let province = try engine.report(for: nil, asOf: asOf)
        #expect(province.children.contains { $0.node.code == "X03" && $0.attendance.schoolsTotal == 0 })
    }

    @Test func sundayReportsFridayLabelled() throws {
        let report = try engine.report(for: nil, asOf: AnalyticsFixtures.instant(AnalyticsFixtures.sundayAsOf))
        let a = report.figures.attendance
        #expect(a.isAsOfSchoolDay == false)
        #expect(a.asOfDay == "2025-10-12")
        #expect(a.day == "2025-10-10")
        let present = try SQLiteCLI.int(path, """
            SELECT count(*) FROM attendance a JOIN schools s ON s.id = a.school_id
            WHERE s.status = 'active' AND a.day = '2025-10-10' AND a.status = 'present'
            """)
        #expect(a.present == present && present > 0)
        #expect(report.alerts.first?.kind == .snapshotStale)  // published Wednesday
        #expect(!report.alerts.contains { $0.kind == .lowAttendance || $0.kind == .lowCompleteness })
    }

    @Test func holidayReportsThePreviousSchoolDay() throws {
        let a = try engine.report(for: nil, asOf: AnalyticsFixtures.instant(AnalyticsFixtures.holidayAsOf)).figures.attendance
        #expect(a.isAsOfSchoolDay == false)
        #expect(a.day == "2025-09-26")
    }

    @Test func beforeTheSchoolYear() throws {
        let report = try engine.report(for: nil, asOf: AnalyticsFixtures.instant(AnalyticsFixtures.beforeYearAsOf))
        let a = report.figures.attendance
        #expect(a.isBeforeSchoolYear)
        #expect(a.isAsOfSchoolDay == false)
        #expect(a.day == "2025-09-01")
        #expect([a.present, a.late, a.excused, a.unexcused, a.chronicAbsent, a.schoolsReporting] == [Int]([0, 0, 0, 0, 0, 0]))
        #expect(a.trend.isEmpty)
        // Enrollment is still as of that date: the opening roll, nobody joined or left this year yet.
        let enrolled = try SQLiteCLI.int(path, """
            SELECT count(*) FROM students s JOIN schools sc ON sc.id = s.school_id WHERE sc.status = 'active'
            AND s.enrolled_on <= '2025-09-01' AND (s.left_on IS NULL OR s.left_on > '2025-09-01')
            """)
        #expect(report.figures.enrollment.enrolled == enrolled && enrolled > 0)
        #expect(report.figures.enrollment.joined == 0 && report.figures.enrollment.left == 0)
    }

    @Test func alertsAreRaisedAndSorted() throws {
        let alerts = try engine.alerts(asOf: asOf)
        let kinds = Set(alerts.map { "\($0.kind.rawValue):\($0.node.code)" })
        #expect(kinds.contains("school_offline:S03"))
        #expect(kinds.contains("school_offline:S05"))
        #expect(kinds.contains("school_offline:S06"))
        #expect(!kinds.contains { $0.hasPrefix("school_offline:S04") })  // unknown is not offline
        #expect(kinds.contains("low_attendance:S02"))
        #expect(kinds.contains("low_completeness:S04"))  // 45 % reported by 09:30
        #expect(kinds.contains("low_completeness:S06"))
        #expect(kinds.contains("chronic_absence:S04"))
        #expect(!alerts.contains { $0.kind == .snapshotStale })  // published 10 minutes before as-of
        let severities = alerts.map(\.severity)
        #expect(severities == severities.sorted(by: >))
        // Before the 09:00 cut-off, completeness is not judged.
        let early = try engine.alerts(asOf: AnalyticsFixtures.instant("2025-10-08T01:30:00Z"))
        #expect(!early.contains { $0.kind == .lowCompleteness })
    }

    @Test func thresholdsComeFromConfiguration() throws {
        let strict = try AnalyticsConfig.load(yaml: """
            attendance: { rate_warn: 0.999, rate_critical: 0.5, min_reported: 1 }
            snapshot: { stale_after_minutes: 5 }
            chronic_absence: { share_warn: 0.9 }
            """)
        let e = AnalyticsEngine(source: engine.source, config: strict)
        let alerts = try e.alerts(asOf: asOf)
        #expect(alerts.first?.kind == .snapshotStale)  // published 10 min before as-of, limit 5
        let lowRate = Set(alerts.filter { $0.kind == .lowAttendance }.map(\.node.code))
        let below = try SQLiteCLI.rows(path, """
            SELECT s.code FROM schools s JOIN attendance a ON a.school_id = s.id
            WHERE s.status = 'active' AND a.day = '2025-10-08' AND a.recorded_at <= '\(AnalyticsFixtures.richAsOf)'
            GROUP BY s.id HAVING sum(a.status IN ('present', 'late')) < 0.999 * count(*)
            """).map { $0[0] }
        #expect(lowRate == Set(below))
        #expect(!alerts.contains { $0.kind == .chronicAbsence })
    }

    @Test func chronicAbsenceCountsAgainstSchoolDaysSoFar() throws {
        let f = try engine.report(for: try engine.node(code: "S04"), asOf: asOf).figures
        #expect(f.attendance.schoolDaysSoFar == 22)
        #expect(f.attendance.chronicAbsent > 0)
    }

    @Test func searchIgnoresAccentsAndCase() throws {
        #expect(try engine.schools(matching: "nguyen trai").map(\.code) == ["S01"])
        #expect(try engine.schools(matching: "DONG HUNG").map(\.code) == ["S04"])
        #expect(try engine.units(matching: "hoa binh").map(\.code) == ["X05"])
        #expect(try engine.schools(matching: "tieu hoc").map(\.code).sorted() == ["S01", "S04", "S06"])  // not the closed S08
        #expect(try engine.schools(matching: "s07").first?.code == "S07")
        #expect(try engine.schools(matching: "tieu hoc", limit: 1).count == 1)
    }

    @Test func lookupErrorsWhenUnscoped() throws {
        #expect(throws: AnalyticsError.notFound("NOPE")) { try engine.node(code: "NOPE") }
        #expect(throws: AnalyticsError.notFound("S01/99Z")) { try engine.node(code: "S01/99Z") }
        #expect(try engine.node(code: "s01").code == "S01")
        #expect(try engine.root().code == "P01")
    }
}
