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
    /// The kept comparison days and today's kept rows, for the filter's schools (nil: SQL answers).
    var held: Held? = nil

    /// What the live caches give the curve: the comparison days' and the enrolled counts per school
    /// (`CheckInDays`), and today's rows per check-in bin at the node's schools (`TodayAttendance`).
    struct Held {
        let days: CheckInDays
        let key: CheckInDays.Key
        let schools: Set<Int64>
        /// The newest day with attendance: only older days are kept.
        let newestDay: String?
        /// The report day and its local midnight (Unix seconds).
        let today: String
        let dayStart: Int64
        /// Today's rows that count at the schools, per bin (nil: from SQL).
        let todayBins: [Int]?
    }

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
        if let held, let kept = try heldCounts(held, day: day, dayStart: Int64(midnight.timeIntervalSince1970)) {
            // Every point shown is at a whole minute at or before `until`: the kept totals by minute are exact.
            let reported: [Int?] = minutes.map { minute in
                if let until, stamp(minute) > until { return nil }
                return kept.reported[minute]
            }
            return CheckInCurve.Series(day: day, enrolled: kept.enrolled, reported: reported,
                                       atAsOfTime: kept.reported[asOfMinute])
        }
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

    /// A day's enrolled and running totals by minute at the held schools, from the caches; nil: SQL answers.
    private func heldCounts(_ held: Held, day: String, dayStart: Int64) throws -> (enrolled: Int, reported: [Int])? {
        var totals: [Int]
        if day == held.today {
            guard dayStart == held.dayStart, let bins = held.todayBins else { return nil }
            totals = CheckInMinutes.cumulative(bins)
        } else {
            guard day < held.today else { return nil }
            let kept = try held.days.day(db, key: held.key, day: day, dayStart: dayStart, newestDay: held.newestDay)
            totals = [Int](repeating: 0, count: CheckInMinutes.never)
            for school in held.schools {
                guard let running = kept.bySchool[school] else { continue }
                for minute in totals.indices { totals[minute] += Int(running[minute]) }
            }
        }
        let enrolled = try held.days.enrolled(db, key: held.key, day: day)
        return (held.schools.reduce(0) { $0 + (enrolled[$1] ?? 0) }, totals)
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
