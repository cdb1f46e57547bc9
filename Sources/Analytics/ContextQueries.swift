import GRDB
import SectorData

/// The SQL a report reads before computing (`ReportContext`): the school days around the report day, the
/// evidence of clock skew, and whether the snapshot has the index the live caches need. Bound parameters only;
/// values through `Row+Checked`.
enum ContextQueries {
    /// Whether `attendance` has a full index starting with `(day, recorded_at)` (the contract's
    /// `idx_attendance_day_recorded`): without it the live caches are not used.
    static func hasRecordedIndex(_ db: Database) throws -> Bool {
        try Bool.fetchOne(try db.cachedStatement(sql: """
            SELECT count(*) > 0 FROM pragma_index_list('attendance') l
            WHERE l.partial = 0 AND (SELECT group_concat(c.name, ',') FROM
                (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno) c) LIKE 'day,recorded_at%'
            """)) == true
    }

    // MARK: School days (only days written as YYYY-MM-DD text count: `ReportDay.validDaySQL`)

    /// The first school day.
    static func firstSchoolDay(_ db: Database) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT min(day) FROM school_days WHERE \(ReportDay.validDaySQL)"))?
            .checkedText(0)
    }

    /// The last school day on or before `day`.
    static func lastSchoolDay(_ db: Database, onOrBefore day: String) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT max(day) FROM school_days WHERE day <= ? AND \(ReportDay.validDaySQL)"),
                         arguments: [day])?.checkedText(0)
    }

    /// How many school days there are up to `day` (included).
    static func schoolDayCount(_ db: Database, upTo day: String) throws -> Int {
        try Int.fetchOne(try db.cachedStatement(sql: "SELECT count(*) FROM school_days WHERE day <= ? AND \(ReportDay.validDaySQL)"),
                         arguments: [day]) ?? 0
    }

    /// The last `limit` school days up to `day` (included), newest first.
    static func schoolDays(_ db: Database, upTo day: String, limit: Int) throws -> [String] {
        try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT day FROM school_days WHERE day <= ? AND \(ReportDay.validDaySQL) ORDER BY day DESC LIMIT \(limit)
            """), arguments: [day]).compactMap { $0.checkedText(0) }
    }

    // MARK: Clock skew (one seek each: `idx_probes_time`, `idx_attendance_day_recorded`)

    /// The newest probe measured after `from` up to `upTo`.
    static func newestProbe(_ db: Database, after from: String, upTo: String) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: """
            SELECT max(measured_at) FROM connectivity_probes WHERE measured_at > ? AND measured_at <= ?
            """), arguments: [from, upTo])?.checkedText(0)
    }

    /// The newest attendance row of `day` recorded after `from` up to `upTo`.
    static func newestRecorded(_ db: Database, day: String, after from: String, upTo: String) throws -> String? {
        try Row.fetchOne(try db.cachedStatement(sql: """
            SELECT max(recorded_at) FROM attendance WHERE day = ? AND recorded_at > ? AND recorded_at <= ?
            """), arguments: [day, from, upTo])?.checkedText(0)
    }
}
