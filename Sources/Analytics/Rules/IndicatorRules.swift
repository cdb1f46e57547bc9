import ReportModel

/// The one home of the rules every figure follows (docs/SNAPSHOT.md, "Which rows count"; DESIGN §3): which
/// attendance rows count, "enrolled on a day", a reporting school and the chronic-absence threshold.
///
/// The SQL path, the caches (`TodayAttendance`, `PastDayCache`, `StudentFacts`) and the data-quality view
/// all take them from here; the tests' truth is written independently from the contract's text.
enum IndicatorRules {
    // MARK: Enrolled on a day

    /// A student is enrolled on `day` when `enrolled_on ≤ day < left_on` (`left_on` is the first day away).
    static func isEnrolled(enrolledOn: Int32, leftOn: Int32, on day: Int32) -> Bool {
        enrolledOn <= day && leftOn > day
    }

    /// `isEnrolled` in SQL for the `students` row aliased `s` (`s` may be empty for the bare table) on the day
    /// expression `day` (a bound parameter or a column). NULL `enrolled_on` is never enrolled.
    static func enrolledSQL(_ s: String, on day: String) -> String {
        let p = s.isEmpty ? "" : s + "."
        return "(\(p)enrolled_on <= \(day) AND (\(p)left_on IS NULL OR \(p)left_on > \(day)))"
    }

    // MARK: Which attendance rows count

    /// An attendance row counts only when its status is one of the contract's, its student exists, the row
    /// names the student's school, and the student was enrolled there on the row's day. Joined as
    /// `attendance a CROSS JOIN students s ON <this>` (CROSS keeps SQLite reading attendance first).
    static func countedJoinSQL(attendance a: String, student s: String) -> String {
        countedSQL(student: s, studentID: "\(a).student_id", school: "\(a).school_id", day: "\(a).day")
            + " AND \(AttendanceStatus.sqlIn("\(a).status"))"
    }

    /// `countedJoinSQL` without the status check, for rows given as expressions (a subquery's columns).
    static func countedSQL(student s: String, studentID: String, school: String, day: String) -> String {
        "\(s).id = \(studentID) AND \(s).school_id = \(school) AND \(enrolledSQL(s, on: day))"
    }

    /// The reason a row is left out (an `AttendanceRowProblem` raw value), NULL when it counts; for
    /// `attendance a LEFT JOIN students s ON s.id = a.student_id`.
    static func problemSQL(attendance a: String, student s: String) -> String {
        """
        CASE WHEN \(a).status IS NULL OR NOT \(AttendanceStatus.sqlIn("\(a).status"))
                  OR typeof(\(a).day) <> 'text' OR typeof(\(a).school_id) <> 'integer'
                  OR typeof(\(a).student_id) <> 'integer' THEN '\(AttendanceRowProblem.invalidValue.rawValue)'
             WHEN \(s).id IS NULL THEN '\(AttendanceRowProblem.unknownStudent.rawValue)'
             WHEN \(s).school_id IS NOT \(a).school_id THEN '\(AttendanceRowProblem.otherSchool.rawValue)'
             WHEN coalesce(\(enrolledSQL(s, on: "\(a).day")), 0) = 0 THEN '\(AttendanceRowProblem.notEnrolled.rawValue)'
        END
        """
    }

    /// The in-memory twin of `countedJoinSQL` over `StudentFacts`: nil when the row counts, else why not.
    static func problem(student: Int64, school: Int64, day: Int32, statusCode: Int,
                        students: StudentFacts) -> AttendanceRowProblem? {
        guard AttendanceStatus(code: statusCode) != nil else { return .invalidValue }
        guard let slot = students.slot(of: student) else { return .unknownStudent }
        guard students.classKey(slot).school == school else { return .otherSchool }
        guard students.isEnrolled(slot, on: day) else { return .notEnrolled }
        return nil
    }

    // MARK: Schools reporting

    /// A school reports once counted rows exist for at least half its enrolled students (DESIGN §3).
    static func isReporting(reported: Int, enrolled: Int) -> Bool {
        reported > 0 && 2 * reported >= enrolled
    }

    // MARK: Chronic absence

    /// Absences (excused or unexcused) a student needs after `schoolDaysSoFar` school days to count as
    /// chronically absent: at least `fraction` of them, and at least one.
    static func chronicMinDays(fraction: Double, schoolDaysSoFar: Int) -> Int {
        let needed = (fraction * Double(schoolDaysSoFar) - 1e-9).rounded(.up)
        guard needed.isFinite, needed < Double(Int32.max) else { return Int(Int32.max) }
        return max(1, Int(needed))
    }
}
