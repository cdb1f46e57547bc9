import Foundation
import GRDB

/// The queries that can be served from the live caches (`PastDayCache`): the trend's past days and chronic absence.
extension FigureQueries {
    /// Whether the filter selects one class (whose figures the per-school summaries cannot give).
    var isOneClass: Bool {
        if case .oneClass = filter { return true }
        return false
    }

    /// Whether a school (or class) id passes this filter.
    func includes(school: Int64, classID: Int64?) -> Bool {
        switch filter {
        case .all: return true
        case .schools(let ids): return ids.contains(school)
        case .oneClass(let s, let c): return s == school && (classID.map { $0 == c } ?? true)
        }
    }

    /// Absences (excused or unexcused) a student needs so far to count as chronically absent.
    var chronicMinDays: Int {
        IndicatorRules.chronicMinDays(fraction: config.chronicAbsence.absentDaysFraction,
                                      schoolDaysSoFar: day.schoolDaysSoFar)
    }

    /// Students absent (excused or unexcused) on the report day in rows that count recorded by as-of.
    func absentToday() throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: """
            SELECT a.student_id FROM attendance a CROSS JOIN students s
                ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE a.day = ? AND +a.recorded_at <= ? AND \(AttendanceStatus.sqlIn("a.status", where: \.isAbsent))
            """, arguments: [day.day, day.asOfText]))
    }

    /// Chronic absence per current class from the held base (students already at the threshold before the report
    /// day) plus today's absences. Same definition as `chronicByClass(into:)`: absences in any school, attributed
    /// to the student's current class when enrolled on the report day.
    func chronicByClass(into tallies: inout [ClassKey: Tally], base: ChronicBase,
                        students: StudentFacts, absentToday: Set<Int64>) {
        for (key, n) in base.atThreshold where includes(school: key.school, classID: key.classID) {
            tallies[key, default: Tally()].chronic += n
        }
        forEachReachingThreshold(base: base, students: students, absentToday: absentToday) { key in
            if includes(school: key.school, classID: key.classID) { tallies[key, default: Tally()].chronic += 1 }
        }
    }

    /// Calls `visit` with the current class of each enrolled student whom today's absence brings to the
    /// chronic-absence threshold (one absence short before today). The caller checks the day is a school day
    /// in `YYYY-MM-DD` form.
    func forEachReachingThreshold(base: ChronicBase, students: StudentFacts, absentToday: Set<Int64>,
                                  _ visit: (ClassKey) -> Void) {
        guard let dayNumber = StudentFacts.dayNumber(day.day) else { return }
        for student in absentToday {
            guard let slot = students.slot(of: student),
                  base.reachesThreshold(slot, students: students, dayNumber: dayNumber) else { continue }
            visit(students.classKey(slot))
        }
    }
}
