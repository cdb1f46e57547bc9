import Foundation
import GRDB

/// What a generic dashboard does: the straightforward aggregate SQL over the raw tables on every refresh,
/// through a plain read-only GRDB connection with none of EduIOC's caches. The benchmark's baseline.
struct NaiveDashboard {
    let db: DatabaseQueue
    let day: String
    let asOf: String
    let seenFrom: String

    /// Opens the file read-only (no mmap, like the console).
    init(path: String, day: String, asOf: String, seenFrom: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 0") }
        db = try DatabaseQueue(path: path, configuration: configuration)
        self.day = day
        self.asOf = asOf
        self.seenFrom = seenFrom
    }

    /// `AND school_id IN (…)` for a node's schools, or nothing for the province.
    private func schoolFilter(_ schools: [Int64]?, column: String = "school_id") -> String {
        guard let schools else { return "" }
        return " AND \(column) IN (" + schools.map(String.init).joined(separator: ",") + ")"
    }

    /// The whole dashboard of a node: today's attendance per school, enrollment, chronic absence, devices,
    /// latest probes, and (when asked) the 30-day trend. Returns a checksum so nothing is optimised away.
    func dashboard(schools: [Int64]?, trend: Bool) throws -> Int {
        try db.read { db in
            let f = schoolFilter(schools)
            var sum = 0
            sum += try Row.fetchAll(db, sql: """
                SELECT school_id, status, count(*) FROM attendance WHERE day = ? AND recorded_at <= ?\(f)
                GROUP BY school_id, status
                """, arguments: [day, asOf]).count
            sum += try Row.fetchAll(db, sql: """
                SELECT school_id, gender, count(*) FROM students
                WHERE enrolled_on <= ?1 AND (left_on IS NULL OR left_on > ?1)\(f) GROUP BY school_id, gender
                """, arguments: [day]).count
            sum += try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (
                  SELECT a.student_id FROM attendance a JOIN students s ON s.id = a.student_id
                  WHERE a.status IN ('excused', 'unexcused') AND (a.day < ?1 OR a.recorded_at <= ?2)
                    AND a.day <= ?1 AND s.enrolled_on <= ?1 AND (s.left_on IS NULL OR s.left_on > ?1)\(schoolFilter(schools, column: "a.school_id"))
                  GROUP BY a.student_id
                  HAVING 10 * count(*) >= (SELECT count(*) FROM school_days WHERE day <= ?1))
                """, arguments: [day, asOf]) ?? 0
            sum += try Row.fetchAll(db, sql: """
                SELECT school_id, kind, status, count(*), sum(last_seen_at >= ? AND last_seen_at <= ?)
                FROM devices WHERE 1 = 1\(f) GROUP BY school_id, kind, status
                """, arguments: [seenFrom, asOf]).count
            sum += try Row.fetchAll(db, sql: """
                SELECT p.school_id, p.download_mbps FROM connectivity_probes p
                JOIN (SELECT school_id, max(measured_at) AS t FROM connectivity_probes WHERE measured_at <= ?\(f)
                      GROUP BY school_id) l ON l.school_id = p.school_id AND l.t = p.measured_at
                """, arguments: [asOf]).count
            if trend { sum += try trendRows(db, schools: schools) }
            return sum
        }
    }

    /// The last 30 school days' rate: one GROUP BY day over the raw rows.
    func trend(schools: [Int64]?) throws -> Int {
        try db.read { db in try trendRows(db, schools: schools) }
    }

    private func trendRows(_ db: Database, schools: [Int64]?) throws -> Int {
        try Row.fetchAll(db, sql: """
            SELECT day, sum(status IN ('present', 'late')), count(*) FROM attendance
            WHERE day IN (SELECT day FROM school_days WHERE day <= ? ORDER BY day DESC LIMIT 30)
              AND (day < ? OR recorded_at <= ?)\(schoolFilter(schools))
            GROUP BY day
            """, arguments: [day, day, asOf]).count
    }
}
