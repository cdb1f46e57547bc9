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
}
