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

    /// Chronic absence per current class from held past-day absences plus the report day's rows recorded by as-of.
    /// Same definition as `chronicByClass(into:)`.
    /// `todayAbsent`: the report day's absent students with their school when kept across refreshes (else SQL).
    func chronicByClass(into tallies: inout [ClassKey: Tally], pastAbsences: [Int64: [Int64: Int]],
                        todayAbsent: [(student: Int64, school: Int64)]?) throws {
        guard !day.isBeforeSchoolYear, day.schoolDaysSoFar > 0 else { return }
        let minDays = max(1, Int((config.chronicAbsence.absentDaysFraction * Double(day.schoolDaysSoFar) - 1e-9).rounded(.up)))
        let (clause, args) = filter.sql("", classColumn: "class_id")
        var arguments: StatementArguments = [day.day, day.asOfText]
        arguments += args
        var today: [Int64: Int] = [:]
        if let todayAbsent {
            for a in todayAbsent where includes(school: a.school, classID: nil) { today[a.student] = 1 }
        } else {
            for row in try Row.fetchAll(db, sql: """
                SELECT school_id, student_id FROM attendance
                WHERE day = ? AND +recorded_at <= ? AND status IN ('excused', 'unexcused')\(clause)
                """, arguments: arguments) {
                today[row[1]] = 1
            }
        }
        var candidates: [Int64] = []
        func consider(_ school: Int64) {
            for (student, n) in pastAbsences[school] ?? [:] where n + (today[student] ?? 0) >= minDays {
                candidates.append(student)
            }
        }
        switch filter {
        case .all: for school in pastAbsences.keys { consider(school) }
        case .schools(let ids): for school in ids { consider(school) }
        case .oneClass(let school, _): consider(school)
        }
        if minDays <= 1 {
            // A first absence today can already be chronic.
            let held = Set(candidates)
            candidates += today.keys.filter { !held.contains($0) }
        }
        guard !candidates.isEmpty else { return }
        let json = "[" + candidates.map(String.init).joined(separator: ",") + "]"
        let rows = try Row.fetchAll(db, sql: """
            SELECT school_id, class_id FROM students
            WHERE id IN (SELECT value FROM json_each(?)) AND enrolled_on <= ? AND (left_on IS NULL OR left_on > ?)
            """, arguments: [json, day.day, day.day])
        for row in rows {
            let key = ClassKey(school: row[0], classID: row[1])
            if includes(school: key.school, classID: key.classID) { tallies[key, default: Tally()].chronic += 1 }
        }
    }
}
