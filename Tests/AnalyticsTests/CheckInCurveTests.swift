import Analytics
import Foundation
import ReportModel
import SectorData
import Testing
import TestSupport

/// The check-in curve against independent SQL run by the sqlite3 CLI on generated snapshots: today, the previous
/// school day and the same weekday last week, at the province and one commune, before and after late corrections.
@Suite struct CheckInCurveTests {
    let asOf = SampleFixtures.mondayMorning  // 09:30 local on a Monday

    /// The curve the contract's text defines, for the schools `schools` selects: per sampled local time of `day`,
    /// the rows that count recorded by then (today: by as-of at the latest), over pupils enrolled that day.
    func truth(_ path: String, day: String, schools: String, minutes: [Int], today: Bool) throws -> (enrolled: Int, counts: [Int?]) {
        let zone = try #require(TimeZone(identifier: try SQLiteCLI.rows(path, "SELECT value FROM meta WHERE key = 'timezone'")[0][0]))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let formatter = ISO8601DateFormatter()
        let enrolled = try SQLiteCLI.int(path, """
            SELECT count(*) FROM students WHERE enrolled_on <= '\(day)' AND (left_on IS NULL OR left_on > '\(day)')
              AND school_id IN (\(schools))
            """)
        let counts: [Int?] = try minutes.map { minute in
            let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: minute / 60, minute: minute % 60)
            var bound = try #require(calendar.date(from: components))
            if today {
                if bound > asOf { return nil }
                bound = min(bound, asOf)
            }
            return try SQLiteCLI.int(path, """
                SELECT count(*) FROM attendance a WHERE a.day = '\(day)' AND a.recorded_at <= '\(formatter.string(from: bound))'
                  AND a.school_id IN (\(schools)) AND \(Truth.counts("a"))
                """)
        }
        return (enrolled, counts)
    }

    func check(_ curve: CheckInCurve, path: String, schools: String) throws {
        let localDay = try SQLiteCLI.rows(path, "SELECT max(day) FROM school_days WHERE day <= '2026-11-23'")[0][0]
        #expect(curve.today.day == localDay)
        #expect(curve.asOfMinute == 9 * 60 + 30)
        let previous = try SQLiteCLI.rows(path, "SELECT max(day) FROM school_days WHERE day < '\(localDay)'")[0][0]
        #expect(curve.previousDay?.day == previous)
        let weekBefore = try SQLiteCLI.rows(path, "SELECT day FROM school_days WHERE day = date('\(localDay)', '-7 days')")
        #expect(curve.lastWeek?.day == weekBefore.first?.first)
        let today = try truth(path, day: localDay, schools: schools, minutes: curve.minutes, today: true)
        #expect(curve.today.enrolled == today.enrolled)
        #expect(curve.today.reported == today.counts)
        #expect(today.counts.compactMap { $0 }.contains { $0 > 0 }, "the sample has check-ins this morning")
        #expect(today.counts.contains(nil), "points after as-of are empty")
        for series in [curve.previousDay, curve.lastWeek].compactMap({ $0 }) {
            let expected = try truth(path, day: series.day, schools: schools, minutes: curve.minutes, today: false)
            #expect(series.enrolled == expected.enrolled, "\(series.day)")
            #expect(series.reported == expected.counts, "\(series.day)")
            let atAsOf = try truth(path, day: series.day, schools: schools, minutes: [curve.asOfMinute], today: false)
            #expect(series.atAsOfTime == atAsOf.counts.first ?? nil, "\(series.day) by 09:30")
        }
    }

    @Test func theProvinceAndACommuneEqualSQL() async throws {
        let url = try await SampleFixtures.snapshot(schools: 30, seed: 7, historyDays: 12)
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url))
        let province = try engine.checkInCurve(for: nil, asOf: asOf)
        #expect(province.previousDay != nil && province.lastWeek != nil, "12 days of history hold both comparison days")
        try check(province, path: url.path, schools: "SELECT id FROM schools WHERE status = 'active'")
        let commune = try #require(try engine.report(for: nil, asOf: asOf).children.first { $0.attendance.schoolsTotal > 1 }?.node)
        try check(try engine.checkInCurve(for: commune, asOf: asOf), path: url.path, schools: Truth.active(underUnit: commune.code))
    }

    @Test func aCorrectedRowCountsFromItsCorrection() throws {
        let url = try SampleFixtures.freshSnapshot(schools: 12, seed: 11, historyDays: 10)
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url))
        let before = try engine.checkInCurve(for: nil, asOf: asOf)
        let previous = try #require(before.previousDay)
        // Correct 40 of the previous day's rows at 10:20 local that day (03:20 UTC): they leave the earlier points.
        try SQLiteCLI.execute(url.path, script: """
            UPDATE attendance SET status = 'excused', recorded_at = '\(previous.day)T03:20:00Z'
            WHERE day = '\(previous.day)' AND student_id IN (
                SELECT student_id FROM attendance WHERE day = '\(previous.day)' AND recorded_at < '\(previous.day)T01:00:00Z'
                ORDER BY student_id LIMIT 40);
            """)
        let after = try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).checkInCurve(for: nil, asOf: asOf)
        try check(after, path: url.path, schools: "SELECT id FROM schools WHERE status = 'active'")
        let at0900 = try #require(after.minutes.firstIndex(of: 9 * 60))
        let at1030 = try #require(after.minutes.firstIndex(of: 10 * 60 + 30))
        let moved = (previous.reported[at0900] ?? 0) - (after.previousDay?.reported[at0900] ?? 0)
        #expect(moved > 0 && moved <= 40, "corrected rows leave the curve before their correction (\(moved))")
        #expect(after.previousDay?.reported[at1030] == previous.reported[at1030], "and count again after it")
    }

    /// With the live caches (as the wall runs it): the comparison days are read once and kept, today's points come
    /// from the kept rows of the day. Curves after new rows today, a correction today and a correction of the
    /// previous day (which moves `past_attendance`: its day is read again) still equal SQL.
    @Test func keptCurvesEqualSQLAfterNewRowsAndCorrections() async throws {
        let url = try SampleFixtures.freshSnapshot(schools: 12, seed: 11, historyDays: 10)
        let path = url.path
        // Every pupil has a row by 09:30 in the sample: 25 of today's rows are held back, to arrive later.
        let day = try SQLiteCLI.rows(path, "SELECT max(day) FROM school_days WHERE day <= '2026-11-23'")[0][0]
        let heldBack = "SELECT student_id FROM attendance WHERE day = '\(day)' ORDER BY student_id LIMIT 25"
        try SQLiteCLI.execute(path, script: """
            CREATE TABLE held_back AS SELECT * FROM attendance WHERE day = '\(day)' AND student_id IN (\(heldBack));
            DELETE FROM attendance WHERE day = '\(day)' AND student_id IN (SELECT student_id FROM held_back);
            """)
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        let active = "SELECT id FROM schools WHERE status = 'active'"
        let first = try engine.checkInCurve(for: nil, asOf: asOf)
        try check(first, path: path, schools: active)
        #expect(summaries.statistics.checkInDayComputations == 2, "both comparison days read from rows")
        try check(try engine.checkInCurve(for: nil, asOf: asOf), path: path, schools: active)
        #expect(summaries.statistics.checkInDayComputations == 2, "and kept for the next curve")

        // Today: the 25 pupils check in five minutes before as-of, and 10 early rows are corrected two minutes
        // before it (they move right on today's curve).
        let today = first.today.day
        #expect(today == day)
        let previous = try #require(first.previousDay).day
        let newRows = SnapshotTime.format(asOf.addingTimeInterval(-5 * 60))
        let corrected = SnapshotTime.format(asOf.addingTimeInterval(-2 * 60))
        try SQLiteCLI.execute(path, script: """
            INSERT INTO attendance (day, student_id, class_id, school_id, status, recorded_at, source)
            SELECT day, student_id, class_id, school_id, 'present', '\(newRows)', source FROM held_back;
            UPDATE attendance SET status = 'late', recorded_at = '\(corrected)'
            WHERE day = '\(today)' AND student_id IN (
                SELECT student_id FROM attendance WHERE day = '\(today)' AND recorded_at < '\(today)T01:00:00Z'
                ORDER BY student_id LIMIT 10);
            """)
        let second = try engine.checkInCurve(for: nil, asOf: asOf)
        try check(second, path: path, schools: active)
        let arrived = try SQLiteCLI.int(path, "SELECT count(*) FROM held_back a WHERE \(Truth.counts("a"))")
        #expect(arrived > 0 && second.today.atAsOfTime == first.today.atAsOfTime + arrived, "the new rows count by as-of")
        #expect(summaries.statistics.checkInDayComputations == 2, "new rows today leave the kept days alone")
        #expect(summaries.statistics.todayFullLoads == 1, "today's rows are kept and read since the mark")

        // The previous day: 40 early rows corrected at 10:20 local that day.
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'excused', recorded_at = '\(previous)T03:20:00Z'
            WHERE day = '\(previous)' AND student_id IN (
                SELECT student_id FROM attendance WHERE day = '\(previous)' AND recorded_at < '\(previous)T01:00:00Z'
                ORDER BY student_id LIMIT 40);
            """)
        let third = try engine.checkInCurve(for: nil, asOf: asOf)
        try check(third, path: path, schools: active)
        #expect(third.previousDay != first.previousDay, "the correction moved the previous day's curve")
        #expect(summaries.statistics.checkInDayComputations == 4, "the correction moved past_attendance: both read again")
        let commune = try #require(try engine.report(for: nil, asOf: asOf).children.first { $0.attendance.schoolsTotal > 1 }?.node)
        try check(try engine.checkInCurve(for: commune, asOf: asOf), path: path, schools: Truth.active(underUnit: commune.code))
        #expect(summaries.statistics.checkInDayComputations == 4, "a commune's curve sums the kept schools")
    }
}
