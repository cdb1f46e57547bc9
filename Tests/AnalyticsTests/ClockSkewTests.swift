import Analytics
import Foundation
import Testing
import TestSupport

/// A writer whose clock runs 20 minutes ahead of this server's: the skew is reported and no school turns offline
/// for it; figures are judged at the data's time. Truth from the sqlite3 shell.
@Suite struct ClockSkewTests {
    /// This server's clock: Wednesday 2025-10-08 09:30 local.
    let serverNow = AnalyticsFixtures.instant("2025-10-08T02:30:00Z")
    let published = "2025-10-08T02:50:00Z"

    /// Seven schools; the writer's clock (and `published_at`) is 20 min ahead of `serverNow`. Schools 1–4 probe
    /// well up to the data's time (their last probe by the server's clock is 20 min old), school 5's last probe
    /// failed, school 6 fell silent 50 min before the data's time, school 7 never probed. Four pupils of school 1
    /// checked in: two before the server's now, two after it (by the writer's clock). A camera was seen at 02:45.
    func build(publishedAt: String) throws -> String {
        let path = AnalyticsFixtures.temporaryPath("skew.sqlite")
        var b = AnalyticsFixtures.Builder(publishedAt: publishedAt)
        b.unit(1, "P01", "Tỉnh Hải Thử", kind: "province", parent: nil)
        b.unit(2, "X01", "Xã Một", kind: "commune", parent: 1)
        b.schoolDays(AnalyticsFixtures.weekdays(from: "2025-09-08", through: "2025-10-08"))
        for s in 1...7 {
            b.school(s, "S0\(s)", "Trường \(s)", unit: 2, level: "primary")
            b.schoolClass(s, school: s, name: "1A", grade: 1)
        }
        for s in 1...4 {
            for t in ["02:10", "02:35", "02:40", "02:45", "02:50"] {
                b.probe(school: s, at: "2025-10-08T\(t):00Z", download: 50, latency: 20)
            }
        }
        b.probe(school: 5, at: "2025-10-08T02:10:00Z", download: 50, latency: 20)
        b.probe(school: 5, at: "2025-10-08T02:45:00Z", download: 50, latency: 20)
        b.probe(school: 5, at: "2025-10-08T02:50:00Z", download: nil, latency: nil)
        b.probe(school: 6, at: "2025-10-08T02:00:00Z", download: 50, latency: 20)
        for p in 1...4 {
            b.student(p, school: 1, classID: 1, gender: p % 2 == 0 ? "F" : "M", enrolledOn: "2025-09-05")
            b.attendance(day: "2025-10-08", student: p, classID: 1, school: 1, status: p == 4 ? "late" : "present",
                         recordedAt: p <= 2 ? "2025-10-08T02:20:00Z" : "2025-10-08T02:40:00Z")
        }
        b.device(1, school: 1, kind: "camera", status: "working", lastSeenAt: "2025-10-08T02:45:00Z")
        try b.write(to: path)
        return path
    }

    /// Schools whose latest probe at `at` (snapshot text) succeeded within the 15 minutes before it.
    func onlineTruth(_ path: String, at: String) throws -> Int {
        try SQLiteCLI.int(path, """
            SELECT count(*) FROM schools s JOIN connectivity_probes p ON p.school_id = s.id
            WHERE p.measured_at = (SELECT max(measured_at) FROM connectivity_probes
                                   WHERE school_id = s.id AND measured_at <= '\(at)')
              AND p.measured_at >= strftime('%Y-%m-%dT%H:%M:%SZ', '\(at)', '-15 minutes')
              AND p.download_mbps IS NOT NULL
            """)
    }

    @Test func twentyMinutesOfSkewIsReportedAndTurnsNoSchoolOffline() throws {
        let path = try build(publishedAt: published)
        var engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
        engine.asOfIsServerClock = true
        let report = try engine.report(for: nil, asOf: serverNow)

        // The data's time by the shell: the latest of published_at, the newest probe and today's newest row.
        let dataTime = try SQLiteCLI.int(path, """
            SELECT CAST(strftime('%s', max(t)) AS INTEGER) FROM (
                SELECT value AS t FROM meta WHERE key = 'published_at'
                UNION ALL SELECT max(measured_at) FROM connectivity_probes
                UNION ALL SELECT max(recorded_at) FROM attendance WHERE day = '2025-10-08')
            """)
        let lead = dataTime - Int(serverNow.timeIntervalSince1970)
        #expect(lead == 20 * 60)
        #expect(report.clockSkewSeconds == lead)

        let online = try onlineTruth(path, at: published)
        let probed = try SQLiteCLI.int(path, "SELECT count(DISTINCT school_id) FROM connectivity_probes")
        let c = report.figures.connectivity
        #expect(online == 4)
        #expect(c.good + c.moderate == online, "schools probing up to the data's time are online")
        #expect(c.offline == probed - online, "only the failed and the silent school are offline")
        #expect(Set(c.offlineSchools.map(\.school.code)) == ["S05", "S06"])
        #expect(c.unknown == 1)
        #expect(!report.alerts.contains { $0.kind == .schoolOffline && ["S01", "S02", "S03", "S04"].contains($0.node.code) })
        #expect(!report.alerts.contains { $0.kind == .snapshotStale })

        // Today's rows and devices seen are judged at the data's time too.
        let reported = try SQLiteCLI.int(path, """
            SELECT count(*) FROM attendance WHERE day = '2025-10-08' AND recorded_at <= '\(published)'
            """)
        #expect(reported == 4)
        #expect(report.figures.attendance.reported == reported)
        #expect(report.figures.attendance.isAsOfSchoolDay)
        #expect(report.figures.devices.camerasOnline == 1)
        #expect(ReportJSON.object(report)["clock_skew_seconds"] as? Int == lead)
        #expect(ReportText.render(report).contains("Data time is 20 min ahead of this server's clock"))
        #expect(ReportText.render(report, language: .vi).contains("Dữ liệu nhanh hơn đồng hồ máy chủ 20 phút"))

        // The same instant taken as a chosen replay instant (not this server's clock) leaves the writer's later
        // probes out: by the server's clock the four schools' last probe is 20 min old. This is what skew did.
        let replay = try AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
            .report(for: nil, asOf: serverNow)
        #expect(replay.clockSkewSeconds == nil)
        #expect(replay.figures.connectivity.offline == 6)
        #expect(try onlineTruth(path, at: "2025-10-08T02:30:00Z") == 0)
    }

    @Test func aLeadWithinTheToleranceIsNotSkew() throws {
        let path = try build(publishedAt: published)
        var engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
        engine.asOfIsServerClock = true
        let nearly = try engine.report(for: nil, asOf: AnalyticsFixtures.instant("2025-10-08T02:48:30Z"))
        #expect(nearly.clockSkewSeconds == nil, "90 s is within the \(ClockSkew.toleranceSeconds) s tolerance")
        let past = try engine.report(for: nil, asOf: AnalyticsFixtures.instant("2025-10-08T02:47:00Z"))
        #expect(past.clockSkewSeconds == 180)
    }

    /// `published_at` in 2099 over current probes: reported as skew, but freshness follows the probes (one row
    /// far in the future does not move the judging instant either).
    @Test func publishedAtFarAheadIsReportedButFreshnessFollowsTheProbes() throws {
        let path = try build(publishedAt: "2099-01-01T00:00:00Z")
        try SQLiteCLI.execute(path, script: "INSERT INTO connectivity_probes VALUES (6, '2099-01-01T00:00:00Z', 50, 12, 20);")
        var engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
        engine.asOfIsServerClock = true
        let atData = AnalyticsFixtures.instant(published)
        let report = try engine.report(for: nil, asOf: atData)
        let lead = try #require(report.clockSkewSeconds)
        #expect(lead == Int(AnalyticsFixtures.instant("2099-01-01T00:00:00Z").timeIntervalSince(atData)))
        let c = report.figures.connectivity
        #expect(c.good + c.moderate == (try onlineTruth(path, at: published)))
        #expect(c.good + c.moderate == 4)
    }
}
