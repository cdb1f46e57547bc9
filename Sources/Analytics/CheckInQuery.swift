import Foundation
import GRDB
import ReportModel
import SectorData

/// The SQL behind `CheckInCurve`: per day, one pass over its rows that count, summing those recorded by each
/// sampled time. Runs inside the caller's read transaction; every value bound, none spliced.
struct CheckInQuery {
    let db: Database
    let zone: TimeZone
    /// The node's active schools (the SQL filter), as in the report's coverage.
    let filter: FigureQueries.Filter

    /// The curve of `day` and its comparison days at `asOf` (today's points after as-of left out).
    func curve(day: String, asOf: Date) throws -> CheckInCurve {
        let minutes = CheckInCurve.sampleMinutes
        let asOfMinute = minuteOfDay(asOf)
        let today = try series(day, minutes: minutes, asOfMinute: asOfMinute, until: asOf)
        let previous = try Self.previousSchoolDay(db, before: day)
        let weekBefore = try weekEarlier(day)
        return CheckInCurve(minutes: minutes, asOfMinute: asOfMinute, today: today,
                            previousDay: try previous.map { try series($0, minutes: minutes, asOfMinute: asOfMinute, until: nil) },
                            lastWeek: try weekBefore.map { try series($0, minutes: minutes, asOfMinute: asOfMinute, until: nil) })
    }

    /// One day: enrolled pupils and rows that count by each time (times after `until` are nil).
    private func series(_ day: String, minutes: [Int], asOfMinute: Int, until: Date?) throws -> CheckInCurve.Series {
        guard let midnight = SnapshotTime.parseDay(day, in: zone) else {
            return CheckInCurve.Series(day: day, enrolled: 0, reported: minutes.map { _ in nil }, atAsOfTime: 0)
        }
        func stamp(_ minute: Int) -> Date { midnight.addingTimeInterval(TimeInterval(minute * 60)) }
        var bounds = minutes.map { stamp($0) } + [stamp(asOfMinute)]
        if let until { bounds = bounds.map { min($0, until) } }
        let (clause, args) = filter.sql("a.")
        let sums = bounds.indices.map { "sum(+a.recorded_at <= ?\($0 + 2))" }.joined(separator: ", ")
        var arguments: StatementArguments = [day]
        arguments += StatementArguments(bounds.map { SnapshotTime.format($0) })
        arguments += args
        // ?1 = the day, ?2… = the bounds; the filter's plain `?`s number on after them.
        let row = try Row.fetchOne(db, sql: """
            SELECT \(sums)
            FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE a.day = ?1\(clause)
            """, arguments: arguments)
        let counts = bounds.indices.map { row?.checkedInt($0) ?? 0 }
        let reported: [Int?] = minutes.indices.map { i in
            if let until, stamp(minutes[i]) > until { return nil }
            return counts[i]
        }
        return CheckInCurve.Series(day: day, enrolled: try enrolled(on: day), reported: reported,
                                   atAsOfTime: counts[minutes.count])
    }

    /// Pupils enrolled on `day` at the filtered schools (`IndicatorRules.enrolledSQL`).
    private func enrolled(on day: String) throws -> Int {
        let (clause, args) = filter.sql("")
        var arguments: StatementArguments = [day]
        arguments += args
        return try Row.fetchOne(db, sql: "SELECT count(*) FROM students WHERE \(IndicatorRules.enrolledSQL("", on: "?1"))\(clause)",
                                arguments: arguments)?.checkedInt(0) ?? 0
    }

    /// The last school day before `day`, if any.
    static func previousSchoolDay(_ db: Database, before day: String) throws -> String? {
        try Row.fetchOne(db, sql: "SELECT max(day) FROM school_days WHERE \(ReportDay.validDaySQL) AND day < ?",
                         arguments: [day])?.checkedText(0)
    }

    /// The same weekday a week before `day`, when it is a school day.
    private func weekEarlier(_ day: String) throws -> String? {
        guard let midnight = SnapshotTime.parseDay(day, in: zone) else { return nil }
        let earlier = SnapshotTime.formatDay(midnight.addingTimeInterval(-7 * 86_400 + 12 * 3600), in: zone)
        let found = try Row.fetchOne(db, sql: "SELECT count(*) FROM school_days WHERE \(ReportDay.validDaySQL) AND day = ?",
                                     arguments: [earlier])?.checkedInt(0) ?? 0
        return found > 0 ? earlier : nil
    }

    private func minuteOfDay(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }
}
