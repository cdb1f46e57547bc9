import Foundation
import SectorData
import GRDB

/// The trend's aggregate SQL: past days' attendance and enrolled per day.
extension FigureQueries {
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
