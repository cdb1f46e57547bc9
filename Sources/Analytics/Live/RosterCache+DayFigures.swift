import GRDB
import Foundation
import SectorData

/// A report day's province-wide roster figures, kept per `RosterKey`.
extension RosterCache {
    /// Per-school and per-class figures for one report day.
    struct DayFigures: Sendable {
        /// Enrollment per class, in columns (a `Tally` per class only when a report needs that class).
        let classes: StudentFacts.ClassEnrollment
        /// Grade of each class id.
        let grades: [Int64: Int]
        let teachers: [Int64: Int]
        let classCounts: [Int64: Int]
        let intake: [Int64: [Int: Int]]
        /// The classes' enrollment summed per school.
        let schoolEnrollment: [Int64: Tally]
        /// Enrolled per class, by key (for today's per-school unreported counts).
        let enrolledByClass: [FigureQueries.ClassKey: Int]

        /// The enrollment tally of the class at `position`, with its grade.
        func tally(at position: Int) -> Tally {
            var t = classes.tally(at: position)
            if t.enrolled > 0, let grade = grades[classes.keys[position].classID] { t.byGrade = [grade: t.enrolled] }
            return t
        }
    }

    /// The report day's province-wide enrollment, teachers, classes and intake plans.
    /// Without tokens they are computed from the tables every time.
    func dayFigures(_ db: Database, tokens: ChangeTokens?, day: ReportDay, students: StudentFacts) throws -> DayFigures? {
        let key = tokens.map { RosterKey(tokens: $0, day: day) }
        if let key, let held = state.withLock({ s in s.figuresKey == key ? s.figures : nil }) { return held }
        guard let dayNumber = StudentFacts.dayNumber(day.day) else { return nil }
        let start = StudentFacts.dayNumber(day.yearStart) ?? dayNumber
        let queries = FigureQueries(db: db, filter: .all, day: day, config: AnalyticsConfig())
        let classes = students.enrollmentByClass(day: dayNumber, yearStart: start)
        let grades = try queries.gradeByClass()
        // Per school: plain counters first, one Tally per school at the end.
        var position: [Int64: Int] = [:]
        var schools: [Int64] = []
        var enrolled: [Int] = [], female: [Int] = [], male: [Int] = [], joined: [Int] = []
        var byGrade: [[Int: Int]] = [], leavers: [[String: Int]] = []
        for (c, key) in classes.keys.enumerated() {
            let i: Int
            if let known = position[key.school] {
                i = known
            } else {
                i = schools.count
                position[key.school] = i
                schools.append(key.school)
                enrolled.append(0); female.append(0); male.append(0); joined.append(0)
                byGrade.append([:]); leavers.append([:])
            }
            let n = Int(classes.enrolled[c])
            enrolled[i] += n; female[i] += Int(classes.female[c]); male[i] += Int(classes.male[c])
            joined[i] += Int(classes.joined[c])
            if n > 0, let grade = grades[key.classID] { byGrade[i][grade, default: 0] += n }
            if let left = classes.leavers[c] { leavers[i].merge(left, uniquingKeysWith: +) }
        }
        var schoolEnrollment: [Int64: Tally] = [:]
        schoolEnrollment.reserveCapacity(schools.count)
        for (i, school) in schools.enumerated() {
            var t = Tally()
            t.enrolled = enrolled[i]; t.female = female[i]; t.male = male[i]; t.joined = joined[i]
            t.byGrade = byGrade[i]; t.leftByReason = leavers[i]
            schoolEnrollment[school] = t
        }
        var enrolledByClass: [FigureQueries.ClassKey: Int] = [:]
        enrolledByClass.reserveCapacity(classes.keys.count)
        for (c, key) in classes.keys.enumerated() { enrolledByClass[key, default: 0] += Int(classes.enrolled[c]) }
        let figures = DayFigures(classes: classes, grades: grades, teachers: try queries.teachersBySchool(),
                                 classCounts: try queries.classCountBySchool(), intake: try queries.intakeBySchool(),
                                 schoolEnrollment: schoolEnrollment, enrolledByClass: enrolledByClass)
        if let key {
            state.withLock { s in
                s.figuresKey = key
                s.figures = figures
            }
        }
        return figures
    }
}
