import GRDB
import SectorData

/// The SQL of today's rows (`TodayAttendance`), the probe and heartbeat trackers and the students
/// (`StudentFacts`). Each returns rows for the caller to read through `Row+Checked`; bound parameters only.
extension LiveQueries {
    /// The newest `recorded_at` of a day (one seek in `idx_attendance_day_recorded`).
    static func dayMark(_ db: Database, day: String) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT max(recorded_at) FROM attendance WHERE day = ?"),
                         arguments: [day])?.checkedText(0)
    }

    /// The status as its code (`AttendanceStatus.code`, -1 for anything else), in SQL: no string per row.
    private static let statusCodeSQL = AttendanceStatus.sqlCode("status")

    /// `recorded_at` as `CheckInMinutes` bins it.
    private static let recordedSQL = CheckInMinutes.recordedSQL("recorded_at")

    /// A day's rows (all, or those stamped at or after `since`): student, school, class, status code, recorded at.
    static func dayRows(_ db: Database, day: String, since: String?) throws -> RowCursor {
        guard let since else {
            return try Row.fetchCursor(try db.cachedStatement(sql: """
                SELECT student_id, school_id, class_id, \(statusCodeSQL), \(recordedSQL) FROM attendance WHERE day = ?
                """), arguments: [day])
        }
        return try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT student_id, school_id, class_id, \(statusCodeSQL), \(recordedSQL) FROM attendance
            WHERE day = ? AND recorded_at >= ?
            """), arguments: [day, since])
    }

    /// The newest `measured_at` of any probe (one seek in `idx_probes_time`).
    static func probeMark(_ db: Database) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT max(measured_at) FROM connectivity_probes"))?.checkedText(0)
    }

    /// How many probes were measured from `start` up to `end` (both included).
    static func probeCount(_ db: Database, from start: String, upTo end: String) throws -> Int? {
        try Int.fetchOne(try db.cachedStatement(sql: """
            SELECT count(*) FROM connectivity_probes WHERE measured_at >= ? AND measured_at <= ?
            """), arguments: [start, end])
    }

    /// The probes measured after `start` up to `end`, in time order (covering `idx_probes_time`): school,
    /// measured at, download, latency.
    static func probes(_ db: Database, after start: String, upTo end: String) throws -> RowCursor {
        try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT school_id, measured_at, download_mbps, latency_ms FROM connectivity_probes
            WHERE measured_at > ? AND measured_at <= ? ORDER BY measured_at
            """), arguments: [start, end])
    }

    /// The newest `last_seen_at` of any device (one seek in `idx_devices_last_seen`).
    static func heartbeatMark(_ db: Database) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT max(last_seen_at) FROM devices"))?.checkedText(0)
    }

    /// The devices whose last heartbeat is after `old`: id, last heartbeat in Unix seconds, whether it is `mark`.
    static func heartbeats(_ db: Database, after old: String, markedAt mark: String) throws -> RowCursor {
        try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT id, unixepoch(last_seen_at), last_seen_at = ?2 FROM devices WHERE last_seen_at > ?1
            """), arguments: [old, mark])
    }

    /// The devices whose last heartbeat is `mark`: id, last heartbeat in Unix seconds, 1 (at the mark).
    static func heartbeats(_ db: Database, at mark: String) throws -> RowCursor {
        try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT id, unixepoch(last_seen_at), 1 FROM devices WHERE last_seen_at = ?
            """), arguments: [mark])
    }

    /// How many devices' last heartbeat is `mark` (counted in `idx_devices_last_seen`).
    static func heartbeatCount(_ db: Database, at mark: String) throws -> Int? {
        try Int.fetchOne(try db.cachedStatement(sql: "SELECT count(*) FROM devices WHERE last_seen_at = ?"),
                         arguments: [mark])
    }

    /// Every camera and gate that is not retired, in school order: id, school, is a gate, last heartbeat in Unix
    /// seconds.
    static func watchedDevices(_ db: Database) throws -> RowCursor {
        try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT id, school_id, kind = 'attendance_gate', unixepoch(last_seen_at) FROM devices
            WHERE kind IN ('camera', 'attendance_gate') AND status <> 'retired' ORDER BY school_id
            """))
    }

    /// How many students the table holds (to reserve the columns).
    static func studentCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM students") ?? 0
    }

    /// Every student in id order: id, school, class, gender, enrolled on, left on, leave reason.
    static func students(_ db: Database) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT id, school_id, class_id, gender, enrolled_on, left_on, leave_reason FROM students ORDER BY id
            """)
    }
}
