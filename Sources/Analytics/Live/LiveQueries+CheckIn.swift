import GRDB
import SectorData

/// The SQL of the check-in curve's kept days (`CheckInDays`). Bound parameters only.
extension LiveQueries {
    /// A day's rows that count (`IndicatorRules.countedJoinSQL`): school, `recorded_at` as `CheckInMinutes` bins it.
    static func checkInRows(_ db: Database, day: String) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT a.school_id, \(CheckInMinutes.recordedSQL("a.recorded_at"))
            FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE a.day = ?1
            """, arguments: [day])
    }

    /// Pupils enrolled on `day` per school (`IndicatorRules.enrolledSQL`): school, count.
    static func enrolledBySchool(_ db: Database, on day: String) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT school_id, count(*) FROM students WHERE \(IndicatorRules.enrolledSQL("", on: "?1")) GROUP BY school_id
            """, arguments: [day])
    }

    /// The newest day with attendance (one seek in `idx_attendance_day_recorded`).
    static func newestAttendanceDay(_ db: Database) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT max(day) FROM attendance"))?.checkedText(0)
    }
}
