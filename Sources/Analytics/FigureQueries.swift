import Foundation
import SectorData
import GRDB

/// The aggregate SQL of one report. Every function runs inside the caller's read transaction and groups by
/// school (and class) once for a whole family of nodes: no per-child queries.
///
/// Each result is keyed by school id (and class id), the unit a later per-snapshot cache of past-day
/// summaries can store and reuse (issue 7).
struct FigureQueries {
    /// Which rows to aggregate: all schools, a set of schools, or one class of one school.
    enum Filter {
        case all
        case schools([Int64])
        case oneClass(school: Int64, classID: Int64)

        /// `AND …` restricting a table with `school_id` (and `class_id` when `classColumn` is given).
        func sql(_ alias: String, classColumn: String? = nil) -> (String, StatementArguments) {
            switch self {
            case .all:
                return ("", [])
            case .schools(let ids):
                if ids.count == 1, let only = ids.first { return (" AND \(alias)school_id = ?", [only]) }
                return (" AND \(alias)school_id IN (SELECT value FROM json_each(?))", [SQLList.json(ids)])
            case .oneClass(let school, let classID):
                if let column = classColumn {
                    return (" AND \(alias)school_id = ? AND \(alias)\(column) = ?", [school, classID])
                }
                return (" AND \(alias)school_id = ?", [school])
            }
        }
    }

    /// The largest planned intake of one school and grade that is believed; larger ones are left out.
    static let maximumPlannedIntake = 100_000

    let db: Database
    let filter: Filter
    let day: ReportDay
    let config: AnalyticsConfig

    /// A class's (or a school's unassigned students') enrollment, attendance and chronic absence.
    struct ClassKey: Hashable {
        let school: Int64
        let classID: Int64
    }

    // MARK: Students and attendance, per class

    /// Enrollment per class as of the report day; joined and left count from the school-year start.
    func enrollmentByClass(into tallies: inout [ClassKey: Tally]) throws {
        let (clause, args) = filter.sql("", classColumn: "class_id")
        let start = day.yearStart ?? day.day
        // ?1 = the day, ?2 = the year start; the filter's plain `?`s number on from ?3.
        let enrolled = IndicatorRules.enrolledSQL("", on: "?1")
        var arguments: StatementArguments = [day.day, start]
        arguments += args
        let rows = try Row.fetchAll(db, sql: """
            SELECT school_id, class_id, sum(\(enrolled)), sum(\(enrolled) AND gender = 'F'),
                   sum(\(enrolled) AND gender = 'M'), sum(enrolled_on >= ?2 AND enrolled_on <= ?1)
            FROM students WHERE 1 = 1\(clause)
            GROUP BY school_id, class_id
            """, arguments: arguments)
        let grades = try gradeByClass()
        for row in rows {
            // Sums of truth values: counts. A NULL or mistyped id leaves the row out (never a trap).
            guard let school = row.checkedInt64(0), let classID = row.checkedInt64(1), let enrolledHere = row.checkedInt(2),
                  let female = row.checkedInt(3), let male = row.checkedInt(4), let joined = row.checkedInt(5) else { continue }
            let key = ClassKey(school: school, classID: classID)
            var t = tallies[key] ?? Tally()
            t.enrolled += enrolledHere; t.female += female; t.male += male; t.joined += joined
            if let grade = grades[key.classID], enrolledHere > 0 { t.byGrade[grade, default: 0] += enrolledHere }
            tallies[key] = t
        }
        // Leavers are few: a separate query is much cheaper than four more sums over every student.
        var leftArguments: StatementArguments = [start, day.day]
        leftArguments += args
        let left = try Row.fetchAll(db, sql: """
            SELECT school_id, class_id, leave_reason, count(*) FROM students
            WHERE left_on IS NOT NULL AND left_on >= ? AND left_on <= ?\(clause)
            GROUP BY school_id, class_id, leave_reason
            """, arguments: leftArguments)
        for row in left {
            guard let school = row.checkedInt64(0), let classID = row.checkedInt64(1), let n = row.checkedInt(3) else { continue }
            let key = ClassKey(school: school, classID: classID)
            let reason = row.checkedText(2)
            let known = reason.map { ["transfer", "dropout", "graduated"].contains($0) } ?? false
            tallies[key, default: Tally()].leftByReason[known ? (reason ?? "other") : "other", default: 0] += n
        }
    }

    /// Grade of each class of the filtered schools (a separate small query: cheaper than joining every student).
    func gradeByClass() throws -> [Int64: Int] {
        let (clause, args) = filter.sql("", classColumn: "id")
        var result: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, grade FROM classes WHERE 1 = 1\(clause)", arguments: args) {
            // Grades are 0 (preschool) to 12; a class with another grade is left out of the by-grade counts.
            guard let id = row.checkedInt64(0), let grade = row.checkedInt(1, in: 0...12) else { continue }
            result[id] = grade
        }
        return result
    }

    /// The report day's attendance per class: the rows that count (`IndicatorRules`) recorded at or before as-of,
    /// per the class each row names.
    func attendanceByClass(into tallies: inout [ClassKey: Tally]) throws {
        guard !day.isBeforeSchoolYear else { return }
        let (clause, args) = filter.sql("a.", classColumn: "class_id")
        var arguments: StatementArguments = [day.day, day.asOfText]
        arguments += args
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.school_id, a.class_id, \(AttendanceStatus.sqlCode("a.status")), count(*)
            FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE a.day = ? AND +a.recorded_at <= ?\(clause)
            GROUP BY 1, 2, 3
            """, arguments: arguments)
        for row in rows {
            guard let school = row.checkedInt64(0), let classID = row.checkedInt64(1),
                  let status = row.checkedInt(2).flatMap(AttendanceStatus.init(code:)), let n = row.checkedInt(3) else { continue }
            let key = ClassKey(school: school, classID: classID)
            var t = tallies[key] ?? Tally()
            t.add(n, status)
            tallies[key] = t
        }
    }

    /// Rows of the report day recorded by as-of that do not count (`IndicatorRules.problemSQL`), per the school and
    /// class they name.
    func leftOutByClass() throws -> [ClassKey: Int] {
        guard !day.isBeforeSchoolYear else { return [:] }
        let (clause, args) = filter.sql("a.", classColumn: "class_id")
        var arguments: StatementArguments = [day.day, day.asOfText]
        arguments += args
        var result: [ClassKey: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT CASE WHEN typeof(a.school_id) = 'integer' THEN a.school_id END,
                   CASE WHEN typeof(a.class_id) = 'integer' THEN a.class_id END, count(*)
            FROM attendance a LEFT JOIN students s ON s.id = a.student_id
            WHERE a.day = ? AND +a.recorded_at <= ?\(clause)
              AND (\(IndicatorRules.problemSQL(attendance: "a", student: "s"))) IS NOT NULL
            GROUP BY 1, 2
            """, arguments: arguments) {
            guard let n = row.checkedInt(2) else { continue }
            result[ClassKey(school: row.checkedInt64(0) ?? -1, classID: row.checkedInt64(1) ?? -1), default: 0] += n
        }
        return result
    }

    /// Currently enrolled students absent (excused or unexcused) on at least the configured share of school days
    /// so far, per their current class. Only rows that count (`IndicatorRules`: at the student's school, while
    /// enrolled there) are absences. Days before the report day count every row (late corrections included; on a
    /// replay only rows recorded by as-of); the report day counts rows recorded at or before as-of. (`+day` keeps
    /// SQLite on the covering absence index instead of scanning every row of the year through the day index.)
    func chronicByClass(into tallies: inout [ClassKey: Tally]) throws {
        guard !day.isBeforeSchoolYear, day.schoolDaysSoFar > 0, let start = day.yearStart else { return }
        // A node's rows are those of its schools (a row counts only at the student's school) and, for a class,
        // of the class's current students.
        let (schoolClause, schoolArgs) = filter.sql("")
        let (studentClause, studentArgs) = filter.sql("s.", classColumn: "class_id")
        let (replay, replayArgs) = day.replayClause()
        let absent = AttendanceStatus.sqlIn("status", where: \.isAbsent)
        var arguments: StatementArguments = [start, day.day]
        arguments += StatementArguments(replayArgs)
        arguments += schoolArgs
        arguments += [day.day, day.asOfText]
        arguments += schoolArgs
        arguments += studentArgs
        arguments += [chronicMinDays, day.day, day.day]
        let counted = IndicatorRules.countedSQL(student: "s", studentID: "r.student_id", school: "r.school_id", day: "r.day")
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.school_id, c.class_id, count(*) FROM (
                SELECT s.school_id, s.class_id, s.enrolled_on, s.left_on FROM (
                    SELECT student_id, school_id, day FROM attendance
                    WHERE \(absent) AND +day >= ? AND +day < ?\(replay)\(schoolClause)
                    UNION ALL
                    SELECT student_id, school_id, day FROM attendance
                    WHERE day = ? AND +recorded_at <= ? AND \(absent)\(schoolClause)
                ) r CROSS JOIN students s ON \(counted)\(studentClause)
                GROUP BY r.student_id HAVING count(*) >= ?
            ) c
            WHERE \(IndicatorRules.enrolledSQL("c", on: "?")) GROUP BY c.school_id, c.class_id
            """, arguments: arguments)
        for row in rows {
            guard let school = row.checkedInt64(0), let classID = row.checkedInt64(1), let n = row.checkedInt(2) else { continue }
            tallies[ClassKey(school: school, classID: classID), default: Tally()].chronic += n
        }
    }

    // MARK: Per school

    /// Active teachers per school.
    func teachersBySchool() throws -> [Int64: Int] {
        let (clause, args) = filter.sql("")
        var result: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT school_id, count(*) FROM teachers WHERE active <> 0\(clause) GROUP BY school_id",
                                    arguments: args) {
            guard let school = row.checkedInt64(0), let n = row.checkedInt(1) else { continue }
            result[school] = n
        }
        return result
    }

    /// Classes per school.
    func classCountBySchool() throws -> [Int64: Int] {
        let (clause, args) = filter.sql("")
        var result: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT school_id, count(*) FROM classes WHERE 1 = 1\(clause) GROUP BY school_id",
                                    arguments: args) {
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

    // MARK: Trend

    /// (present + late, reported) per school — per class for a class node — for each trend day before the report
    /// day, counting the rows that count (`IndicatorRules`), late corrections included: past days depend only on
    /// the snapshot, never on as-of (except on a replay), so a per-snapshot cache can keep them (issue 7). The
    /// report day's point comes from `attendanceByClass`.
    func pastTrendBySchool() throws -> [String: [Int64: (attending: Int, reported: Int)]] {
        guard day.trendDays.contains(where: { $0 < day.day }) else { return [:] }
        let (clause, args) = filter.sql("a.", classColumn: "class_id")
        let (replay, replayArgs) = day.replayClause("a.")
        var arguments: StatementArguments = [day.day, day.day]
        arguments += StatementArguments(replayArgs)
        arguments += args
        var result: [String: [Int64: (attending: Int, reported: Int)]] = [:]
        // `day IN (…)` lets SQLite seek (day, school_id) in idx_attendance_day_school for a unit or a school; for the
        // whole province it is a scan in index order, no sort. The days come from `school_days` (as `ReportDay`'s
        // trend days do), never from text built here.
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.day, a.school_id, sum(\(AttendanceStatus.sqlIn("a.status", where: \.isAttending))), count(*)
            FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE a.day IN (SELECT day FROM school_days WHERE day <= ? ORDER BY day DESC LIMIT \(ReportDay.trendLength))
              AND a.day < ?\(replay)\(clause)
            GROUP BY a.day, a.school_id
            """, arguments: arguments)
        for row in rows {
            guard let d = row.checkedText(0), let school = row.checkedInt64(1), let attending = row.checkedInt(2),
                  let reported = row.checkedInt(3) else { continue }
            result[d, default: [:]][school] = (attending, reported)
        }
        return result
    }

    /// Enrolled students per class *that day* on each of `days` (`IndicatorRules.classThatDaySQL`): the class a
    /// counted row of the day names, else the student's class in `students`. Summed over a school's classes it is the
    /// school's enrolled count; per class it is never below the class's counted rows, so completeness stays ≤ 100 %
    /// when a pupil changed class. Rows of the report day count when recorded by as-of.
    func enrolledByClassThatDay(days: [String]) throws -> [String: [ClassKey: (enrolled: Int, female: Int, male: Int)]] {
        guard !days.isEmpty else { return [:] }
        let (clause, args) = filter.sql("s.")
        // ?1 the days, ?2 the report day, ?3 as-of; the filter's plain `?`s number on from ?4.
        var arguments: StatementArguments = [SQLList.json(days), day.day, day.asOfText]
        arguments += args
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.value, s.school_id, coalesce(r.class_id, s.class_id) AS c, count(*),
                   sum(s.gender = 'F'), sum(s.gender = 'M')
            FROM json_each(?1) d
            CROSS JOIN students s ON \(IndicatorRules.enrolledSQL("s", on: "d.value"))
            LEFT JOIN attendance r ON r.day = d.value AND \(IndicatorRules.countedJoinSQL(attendance: "r", student: "s"))
                AND (r.day < ?2 OR +r.recorded_at <= ?3)\(day.isReplay ? " AND +r.recorded_at <= ?3" : "")
            WHERE 1 = 1\(clause)
            GROUP BY 1, 2, 3
            """, arguments: arguments)
        var result: [String: [ClassKey: (enrolled: Int, female: Int, male: Int)]] = [:]
        for row in rows {
            guard let d = row.checkedText(0), let school = row.checkedInt64(1), let classID = row.checkedInt64(2),
                  let n = row.checkedInt(3), let f = row.checkedInt(4), let m = row.checkedInt(5) else { continue }
            result[d, default: [:]][ClassKey(school: school, classID: classID)] = (n, f, m)
        }
        return result
    }

    /// Enrolled students per school on each of the given days, from one pass over (enrolled_on, left_on) pairs.
    func enrolledBySchool(onDays days: [String]) throws -> [String: [Int64: Int]] {
        guard !days.isEmpty else { return [:] }
        let (clause, args) = filter.sql("", classColumn: "class_id")
        var result: [String: [Int64: Int]] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT school_id, enrolled_on, left_on, count(*) FROM students WHERE 1 = 1\(clause)
            GROUP BY school_id, enrolled_on, left_on
            """, arguments: args)
        for row in rows {
            guard let school = row.checkedInt64(0), let enrolledOn = row.checkedText(1), let n = row.checkedInt(3) else { continue }
            let leftOn = row.checkedText(2)
            for d in days where enrolledOn <= d && (leftOn.map { $0 > d } ?? true) {
                result[d, default: [:]][school, default: 0] += n
            }
        }
        return result
    }
}
