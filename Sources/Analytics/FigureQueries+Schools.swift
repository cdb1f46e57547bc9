import Foundation
import SectorData
import GRDB

/// The per-school aggregate SQL: staff, classes, intake, devices and the latest probes.
extension FigureQueries {
    /// Active teachers per school.
    func teachersBySchool() throws -> [Int64: Int] {
        try countBySchool("SELECT school_id, count(*) FROM teachers WHERE active <> 0")
    }

    /// Classes per school.
    func classCountBySchool() throws -> [Int64: Int] {
        try countBySchool("SELECT school_id, count(*) FROM classes WHERE 1 = 1")
    }

    /// Rows per school of a fixed query (`SELECT school_id, count(*) FROM … WHERE …`, no data in it), restricted to
    /// the node's schools.
    private func countBySchool(_ select: StaticString) throws -> [Int64: Int] {
        let (clause, args) = filter.sql("")
        var result: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "\(select)\(clause) GROUP BY school_id", arguments: args) {
            guard let school = row.checkedInt64(0), let n = row.checkedInt(1) else { continue }
            result[school] = n
        }
        return result
    }

    /// Intake plans per school: grade → planned.
    func intakeBySchool() throws -> [Int64: [Int: Int]] {
        let (clause, args) = filter.sql("")
        var result: [Int64: [Int: Int]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT school_id, grade, planned FROM intake_plans WHERE 1 = 1\(clause)",
                                    arguments: args) {
            // Planned intakes are checked for range, so summing them over a province cannot overflow.
            guard let school = row.checkedInt64(0), let grade = row.checkedInt(1, in: 0...12),
                  let planned = row.checkedInt(2, in: 0...Self.maximumPlannedIntake) else { continue }
            result[school, default: [:]][grade] = planned
        }
        return result
    }

    /// Device counts per school by kind and status, computer, projector, camera and gate totals: what changes
    /// only with the `devices` change token (not with heartbeats).
    func deviceCountsBySchool() throws -> [Int64: Tally] {
        let (clause, args) = filter.sql("")
        var result: [Int64: Tally] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT school_id, kind, status, count(*) FROM devices WHERE 1 = 1\(clause) GROUP BY school_id, kind, status
            """, arguments: args)
        for row in rows {
            guard let school = row.checkedInt64(0), let kind = row.checkedText(1), let status = row.checkedText(2),
                  let n = row.checkedInt(3) else { continue }
            Self.addDevices(n, of: DeviceKind(kind: kind, status: status), to: &result[school, default: Tally()])
        }
        return result
    }

    /// Counts `n` devices of a kind and status into a school's tally (totals by kind family as well).
    static func addDevices(_ n: Int, of device: DeviceKind, to t: inout Tally) {
        t.devices[device, default: 0] += n
        let notRetired = device.status != "retired"
        switch device.kind {
        case "desktop", "laptop", "tablet":
            if notRetired { t.computersTotal += n }
            if device.status == "working" { t.computersWorking += n }
        case "projector", "interactive_display":
            if device.status == "working" { t.projectorsWorking += n }
        case "camera":
            if notRetired { t.camerasTotal += n }
        case "attendance_gate":
            if notRetired { t.gatesTotal += n }
        default:
            break
        }
    }

    /// The `last_seen_at` values that count as seen by `seenBy`: the configured minutes up to it, inclusive, in
    /// whole seconds (as the snapshot writes them).
    func seenWindow(by seenBy: Date) -> ClosedRange<String> {
        SnapshotTime.format(seenBy.addingTimeInterval(-Double(config.devices.seenWithinMinutes) * 60))
            ... SnapshotTime.format(seenBy)
    }

    /// `seenWindow(by:)` in Unix seconds.
    func seenWindowSeconds(by seenBy: Date) -> ClosedRange<Int64> {
        let until = Int64(seenBy.timeIntervalSince1970.rounded(.down))
        return until - Int64(config.devices.seenWithinMinutes) * 60 ... until
    }

    /// Cameras and attendance gates (not retired) seen in the window ending at `seenBy`, per school, by SQL (the
    /// console keeps them in `HeartbeatTracker` when the snapshot has change tokens), per kind in the contract's
    /// `idx_devices_seen(kind, school_id, last_seen_at, status)`, so the counts come out in school order without a
    /// sort.
    func devicesSeen(by seenBy: Date) throws -> [Int64: (cameras: Int, gates: Int)] {
        let (clause, args) = filter.sql("")
        let window = seenWindow(by: seenBy)
        var result: [Int64: (cameras: Int, gates: Int)] = [:]
        for kind in ["camera", "attendance_gate"] {
            var arguments: StatementArguments = [kind, window.lowerBound, window.upperBound]
            arguments += args
            let rows = try Row.fetchCursor(db, sql: """
                SELECT school_id, count(*) FROM devices
                WHERE kind = ? AND last_seen_at >= ? AND last_seen_at <= ? AND status <> 'retired'\(clause)
                GROUP BY school_id
                """, arguments: arguments)
            while let row = try rows.next() {
                guard let school = row.checkedInt64(0), let n = row.checkedInt(1) else { continue }
                if kind == "camera" { result[school, default: (0, 0)].cameras = n }
                else { result[school, default: (0, 0)].gates = n }
            }
        }
        return result
    }

    /// One school's latest probe state at as-of.
    struct Probe {
        let latestAt: String
        let download: Double?
        let latency: Double?
        let lastGoodAt: String?
        let firstFailedAfterGood: String?
    }

    /// Latest probe at or before as-of per school, the last good one, and the start of the current failing streak.
    /// Driven from the schools: each lookup is a seek at the end of the school's probes in the primary key
    /// (school_id, measured_at) rather than a scan of the day's probes; the last good probe and the failing
    /// streak's start are looked up only where the latest probe failed.
    func probesBySchool() throws -> [Int64: Probe] {
        let (clause, args) = filter.sql("s.")
        let schoolFilter = clause.replacingOccurrences(of: "s.school_id", with: "s.id")
        var arguments: StatementArguments = [day.asOfText]
        arguments += args
        var result: [Int64: Probe] = [:]
        let rows = try Row.fetchAll(db, sql: """
            WITH latest AS (
                SELECT s.id AS school_id,
                       (SELECT max(p.measured_at) FROM connectivity_probes p
                        WHERE p.school_id = s.id AND p.measured_at <= ?1) AS t
                FROM schools s WHERE 1 = 1\(schoolFilter)
            ), state AS (
                SELECT l.school_id, l.t, p.download_mbps AS download, p.latency_ms AS latency,
                       CASE WHEN p.download_mbps IS NOT NULL THEN l.t ELSE
                           (SELECT g.measured_at FROM connectivity_probes g
                            WHERE g.school_id = l.school_id AND g.measured_at <= ?1 AND g.download_mbps IS NOT NULL
                            ORDER BY g.measured_at DESC LIMIT 1)
                       END AS good
                FROM latest l JOIN connectivity_probes p ON p.school_id = l.school_id AND p.measured_at = l.t
            )
            SELECT school_id, t, download, latency, good,
                   CASE WHEN download IS NULL THEN
                       (SELECT f.measured_at FROM connectivity_probes f
                        WHERE f.school_id = state.school_id AND f.measured_at <= ?1 AND f.measured_at > coalesce(good, '')
                          AND f.download_mbps IS NULL ORDER BY f.measured_at LIMIT 1)
                   END
            FROM state
            """, arguments: arguments)
        for row in rows {
            // A probe whose time is not text is no probe; a download or latency that is not a finite number is a
            // failed measurement.
            guard let school = row.checkedInt64(0), let latestAt = row.checkedText(1) else { continue }
            result[school] = Probe(latestAt: latestAt, download: row.checkedDouble(2), latency: row.checkedDouble(3),
                                   lastGoodAt: row.checkedText(4), firstFailedAfterGood: row.checkedText(5))
        }
        return result
    }

    /// A school's classes (id and name), in grade, name and id order.
    static func classes(_ db: Database, school: Int64) throws -> [(id: Int64, name: String)] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM classes WHERE school_id = ? ORDER BY grade, name, id",
                                    arguments: [school])
        return rows.compactMap { row in
            guard let id = row.checkedInt64(0), let name = row.checkedText(1) else { return nil }
            return (id, name)
        }
    }
}
