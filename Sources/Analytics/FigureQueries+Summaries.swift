import Foundation
import GRDB

/// The queries that can be served from `PastDaySummaries`: the trend's past days and chronic absence.
extension FigureQueries {
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
        max(1, Int((config.chronicAbsence.absentDaysFraction * Double(day.schoolDaysSoFar) - 1e-9).rounded(.up)))
    }

    /// Students absent (excused or unexcused) on the report day in rows recorded by as-of, in any school.
    func absentToday() throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: """
            SELECT student_id FROM attendance WHERE day = ? AND +recorded_at <= ? AND status IN ('excused', 'unexcused')
            """, arguments: [day.day, day.asOfText]))
    }

    /// Chronic absence per current class from the held base (students already at the threshold before the report
    /// day) plus today's absences. Same definition as `chronicByClass(into:)`: absences in any school, attributed
    /// to the student's current class when enrolled on the report day.
    func chronicByClass(into tallies: inout [ClassKey: Tally], base: PastDaySummaries.ChronicBase,
                        students: StudentFacts, absentToday: Set<Int64>) {
        guard !day.isBeforeSchoolYear, day.schoolDaysSoFar > 0, let dayNumber = StudentFacts.dayNumber(day.day) else { return }
        for (key, n) in base.atThreshold where includes(school: key.school, classID: key.classID) {
            tallies[key, default: Tally()].chronic += n
        }
        for student in absentToday {
            guard let slot = students.slot(of: student), students.isEnrolled(slot, on: dayNumber) else { continue }
            let past = Int(base.pastBySlot[slot])
            guard past < base.minDays, past + 1 >= base.minDays else { continue }
            let key = students.classKey(slot)
            if includes(school: key.school, classID: key.classID) { tallies[key, default: Tally()].chronic += 1 }
        }
    }
}
