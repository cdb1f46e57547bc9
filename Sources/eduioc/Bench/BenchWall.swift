import Analytics
import Foundation
import GRDB
import ReportModel
import SectorData

/// The wall's own data cost: the check-in curve (today, previous school day, last week) against the naive way,
/// one count query per sampled time and day.
enum BenchWall {
    /// Times `engine.checkInCurve` for the province, and the naive per-time counts over the same days and times.
    static func checkInCurve(_ engine: AnalyticsEngine, asOf: Date, runs: Int, naive: NaiveDashboard) throws -> BenchRun.Line {
        var ours = BenchSamples(), baseline = BenchSamples()
        var curve: CheckInCurve?
        for _ in 0..<runs {
            try ours.time { curve = try engine.checkInCurve(for: nil, asOf: asOf) }
            guard let curve else { continue }
            try baseline.time { _ = try naiveCounts(curve, naive: naive, asOf: asOf) }
        }
        return BenchRun.Line(name: "check-in curve, province, 3 days (wall, once a minute)", ours: ours, naive: baseline,
                             target: "≤ 1 s")
    }

    /// One `count(*)` of the rows that count per day and sampled time (what a dashboard without the one-pass sums
    /// would run); returns their total so nothing is optimised away.
    private static func naiveCounts(_ curve: CheckInCurve, naive: NaiveDashboard, asOf: Date) throws -> Int {
        try naive.db.read { db in
            let zoneName = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'timezone'") ?? "UTC"
            let zone = TimeZone(identifier: zoneName) ?? .gmt
            var total = 0
            for series in [curve.today, curve.previousDay, curve.lastWeek].compactMap({ $0 }) {
                guard let midnight = SnapshotTime.parseDay(series.day, in: zone) else { continue }
                for minute in curve.minutes {
                    let bound = min(midnight.addingTimeInterval(Double(minute * 60)), series.day == curve.today.day ? asOf : .distantFuture)
                    total += try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM attendance a JOIN students s ON s.id = a.student_id
                        WHERE a.day = ? AND a.recorded_at <= ? AND s.school_id = a.school_id
                          AND a.status IN ('present', 'late', 'excused', 'unexcused')
                          AND s.enrolled_on <= a.day AND (s.left_on IS NULL OR s.left_on > a.day)
                        """, arguments: [series.day, SnapshotTime.format(bound)]) ?? 0
                }
            }
            return total
        }
    }
}
