import Foundation
import ReportModel
import TestSupport

/// Independent figures for a set of schools, computed by the sqlite3 shell from DESIGN §3 definitions.
/// Shares no code with the engine: the SQL here is written from the definitions, not copied.
struct Truth {
    let path: String
    /// 'YYYY-MM-DD' the attendance and enrollment are for.
    let day: String
    /// As-of instant as snapshot text.
    let asOf: String
    /// SQL selecting the school ids of the node (active schools).
    let schools: String
    /// Extra `AND …` on students / attendance rows for a class node, or "".
    let classFilter: String

    static func active(underUnit code: String) -> String {
        """
        SELECT id FROM schools WHERE status = 'active' AND unit_id IN (
            WITH RECURSIVE sub(id) AS (
                SELECT id FROM admin_units WHERE code = '\(code)'
                UNION ALL SELECT a.id FROM admin_units a JOIN sub ON a.parent_id = sub.id)
            SELECT id FROM sub)
        """
    }

    static func school(_ code: String) -> String { "SELECT id FROM schools WHERE code = '\(code)'" }

    static func classFilter(school: String, className: String) -> String {
        " AND class_id = (SELECT c.id FROM classes c JOIN schools s ON s.id = c.school_id WHERE s.code = '\(school)' AND c.name = '\(className)')"
    }

    /// The contract's rule for an attendance row aliased `a` (docs/SNAPSHOT.md, "Which rows count"), written
    /// from its text: its student exists, the row names the student's school, the student was enrolled there on
    /// the row's day (enrolled_on ≤ day < left_on), and the status is one of the four.
    static func counts(_ a: String = "a") -> String {
        """
        \(a).status IN ('present', 'late', 'excused', 'unexcused') AND EXISTS (SELECT 1 FROM students cs
            WHERE cs.id = \(a).student_id AND cs.school_id = \(a).school_id
              AND cs.enrolled_on <= \(a).day AND (cs.left_on IS NULL OR cs.left_on > \(a).day))
        """
    }

    private var enrolledWhere: String {
        "school_id IN (\(schools))\(classFilter) AND enrolled_on <= '\(day)' AND (left_on IS NULL OR left_on > '\(day)')"
    }

    func enrolled() throws -> Int { try SQLiteCLI.int(path, "SELECT count(*) FROM students WHERE \(enrolledWhere)") }
    func female() throws -> Int { try SQLiteCLI.int(path, "SELECT count(*) FROM students WHERE \(enrolledWhere) AND gender = 'F'") }
    func male() throws -> Int { try SQLiteCLI.int(path, "SELECT count(*) FROM students WHERE \(enrolledWhere) AND gender = 'M'") }

    func joined() throws -> Int {
        try SQLiteCLI.int(path, """
            SELECT count(*) FROM students WHERE school_id IN (\(schools))\(classFilter)
            AND enrolled_on >= (SELECT min(day) FROM school_days) AND enrolled_on <= '\(day)'
            """)
    }

    func left() throws -> Int {
        try SQLiteCLI.int(path, """
            SELECT count(*) FROM students WHERE school_id IN (\(schools))\(classFilter)
            AND left_on >= (SELECT min(day) FROM school_days) AND left_on <= '\(day)'
            """)
    }

    /// present / late / excused / unexcused counts of the day, rows recorded at or before as-of.
    func statuses() throws -> [String: Int] {
        try SQLiteCLI.counts(path, """
            SELECT status, count(*) FROM attendance a WHERE day = '\(day)' AND recorded_at <= '\(asOf)'
            AND school_id IN (\(schools))\(classFilter) AND \(Self.counts()) GROUP BY status
            """)
    }

    /// Schools whose records of the day cover at least half their enrolled students (and are not zero).
    func schoolsReporting() throws -> Int {
        try SQLiteCLI.int(path, """
            SELECT count(*) FROM (
              SELECT sc.id,
                (SELECT count(*) FROM attendance a WHERE a.school_id = sc.id AND a.day = '\(day)' AND a.recorded_at <= '\(asOf)'
                   AND \(Self.counts())) AS r,
                (SELECT count(*) FROM students s WHERE s.school_id = sc.id AND s.enrolled_on <= '\(day)'
                   AND (s.left_on IS NULL OR s.left_on > '\(day)')) AS e
              FROM schools sc WHERE sc.id IN (\(schools))
            ) WHERE r > 0 AND 2 * r >= e
            """)
    }

    /// Enrolled students absent (excused or unexcused) on at least 10 % of the school days up to `day`:
    /// every row of earlier days, rows of `day` recorded by as-of.
    func chronic() throws -> Int {
        let absences = """
            (SELECT count(*) FROM attendance a WHERE a.student_id = st.id AND a.status IN ('excused', 'unexcused')
             AND \(Self.counts())
             AND (a.day < '\(day)' OR (a.day = '\(day)' AND a.recorded_at <= '\(asOf)')))
            """
        return try SQLiteCLI.int(path, """
            SELECT count(*) FROM students st WHERE st.school_id IN (\(schools))\(classFilter.replacingOccurrences(of: "class_id", with: "st.class_id"))
            AND st.enrolled_on <= '\(day)' AND (st.left_on IS NULL OR st.left_on > '\(day)')
            AND 10 * \(absences) >= (SELECT count(*) FROM school_days WHERE day <= '\(day)')
            AND \(absences) > 0
            """)
    }

    /// Device counts per DeviceFigures definitions; `seenFrom` = as-of minus 15 minutes.
    func devices(seenFrom: String) throws -> [String: Int] {
        let base = "FROM devices WHERE school_id IN (\(schools))"
        return [
            "computers_working": try SQLiteCLI.int(path, "SELECT count(*) \(base) AND kind IN ('desktop','laptop','tablet') AND status = 'working'"),
            "computers_total": try SQLiteCLI.int(path, "SELECT count(*) \(base) AND kind IN ('desktop','laptop','tablet') AND status <> 'retired'"),
            "projectors_working": try SQLiteCLI.int(path, "SELECT count(*) \(base) AND kind IN ('projector','interactive_display') AND status = 'working'"),
            "cameras_total": try SQLiteCLI.int(path, "SELECT count(*) \(base) AND kind = 'camera' AND status <> 'retired'"),
            "cameras_online": try SQLiteCLI.int(path, "SELECT count(*) \(base) AND kind = 'camera' AND status <> 'retired' AND last_seen_at >= '\(seenFrom)' AND last_seen_at <= '\(asOf)'"),
            "gates_online": try SQLiteCLI.int(path, "SELECT count(*) \(base) AND kind = 'attendance_gate' AND status <> 'retired' AND last_seen_at >= '\(seenFrom)' AND last_seen_at <= '\(asOf)'"),
        ]
    }

    /// Connectivity category counts (benchmark in Mbps, `freshFrom` = as-of minus 15 minutes).
    func connectivity(benchmark: Double, freshFrom: String) throws -> [String: Int] {
        try SQLiteCLI.counts(path, """
            WITH latest AS (
              SELECT sc.id AS sid,
                (SELECT max(measured_at) FROM connectivity_probes p WHERE p.school_id = sc.id AND p.measured_at <= '\(asOf)') AS t
              FROM schools sc WHERE sc.id IN (\(schools)))
            SELECT CASE
                WHEN t IS NULL THEN 'unknown'
                WHEN (SELECT download_mbps FROM connectivity_probes WHERE school_id = sid AND measured_at = t) IS NULL THEN 'offline'
                WHEN t < '\(freshFrom)' THEN 'offline'
                WHEN (SELECT download_mbps FROM connectivity_probes WHERE school_id = sid AND measured_at = t) >= \(benchmark) THEN 'good'
                ELSE 'moderate' END AS category, count(*)
            FROM latest GROUP BY category
            """)
    }
}
