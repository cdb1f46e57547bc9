import GRDB
import SectorData

/// The SQL of the live caches, in one place: here the past-day summaries' (`PastDayCache`: day marks, rows
/// written since a mark, past days' counts and absences); in `LiveQueries+Trackers.swift` today's rows', the
/// probe and heartbeat trackers' and the students'. Bound parameters only; values read through `Row+Checked`;
/// which rows count from `IndicatorRules`.
enum LiveQueries {
    /// Every past school day before `today` (in `YYYY-MM-DD` form) and its `max(recorded_at)` (one seek per day in
    /// `idx_attendance_day_recorded`); `newestOnly`: only the newest day with attendance, when it is one of them.
    static func pastDayMarks(_ db: Database, before today: String,
                             newestOnly: Bool) throws -> [(day: String, mark: String?)] {
        let rows = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT sd.day, (SELECT max(a.recorded_at) FROM attendance a WHERE a.day = sd.day)
            FROM school_days sd WHERE sd.day < ? AND typeof(sd.day) = 'text'
              AND sd.day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'\
            \(newestOnly ? " AND sd.day = (SELECT max(day) FROM attendance)" : "")
            """), arguments: [today])
        return rows.compactMap { row in row.checkedText(0).map { (day: $0, mark: row.checkedText(1)) } }
    }

    /// Rows of a day written after `since` minus the lag margin (a range seek in `idx_attendance_day_recorded`).
    static func rowsWritten(_ db: Database, day: String, since: String) throws
        -> [(student: Int64, at: String, school: Int64)] {
        let from = LagMargin.start(before: since)
        return try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT student_id, recorded_at, school_id FROM attendance
            WHERE day = ? AND recorded_at > ?
            """), arguments: [day, from]).compactMap { row in
                guard let student = row.checkedInt64(0), let at = row.checkedText(1), let school = row.checkedInt64(2) else { return nil }
                return (student, at, school)
            }
    }

    /// One student's counted absences at one school on days in [from, before).
    static func absences(_ db: Database, school: Int64, student: Int64, from: String, before: String) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            SELECT count(*) FROM attendance a CROSS JOIN students s
                ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE \(AttendanceStatus.sqlIn("a.status", where: \.isAbsent))
              AND a.school_id = ? AND a.student_id = ? AND a.day >= ? AND a.day < ?
            """)
        return try Int.fetchOne(statement, arguments: [school, student, from, before]) ?? 0
    }

    /// Counted absences per school and student on days in [from, before), one call of `add` each.
    static func absencesByStudent(_ db: Database, from: String, before: String,
                                  add: (_ school: Int64, _ student: Int64, _ count: Int) -> Void) throws {
        // Only rows that count are absences (`IndicatorRules`: at the student's school, while enrolled there).
        let rows = try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT a.school_id, a.student_id, count(*)
            FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE \(AttendanceStatus.sqlIn("a.status", where: \.isAbsent)) AND +a.day >= ? AND +a.day < ?
            GROUP BY a.school_id, a.student_id
            """), arguments: [from, before])
        while let row = try rows.next() {
            guard let school = row.checkedInt64(0), let student = row.checkedInt64(1), let n = row.checkedInt(2) else { continue }
            add(school, student, n)
        }
    }

    /// Per day and school: counted rows attending (present + late) and reported, for the given days (every day
    /// asked for is in the result, empty when it has no rows).
    static func pastDayCounts(_ db: Database, days: [String]) throws -> [String: [Int64: PastDayCache.DayCounts]] {
        var computed: [String: [Int64: PastDayCache.DayCounts]] = [:]
        for day in days { computed[day] = [:] }
        let rows = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT a.day, a.school_id, sum(\(AttendanceStatus.sqlIn("a.status", where: \.isAttending))), count(*)
            FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE a.day IN (SELECT value FROM json_each(?))
            GROUP BY a.day, a.school_id
            """), arguments: [SQLList.json(days)])
        for row in rows {
            guard let day = row.checkedText(0), let school = row.checkedInt64(1), let attending = row.checkedInt(2),
                  let reported = row.checkedInt(3) else { continue }
            computed[day, default: [:]][school] = PastDayCache.DayCounts(attending: attending, reported: reported)
        }
        return computed
    }
}
