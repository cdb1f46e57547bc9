import Foundation
import SectorData

/// A unit report's per-school day counts from the caches alone, without a tally per class.
extension ReportBuilder {
    /// Per-school day counts of a unit's schools from the caches alone: today's statuses, unreported per class
    /// (enrolled − reported, never below zero) and chronic absence. Equal to summing the per-class tallies,
    /// without building one per class; the enrollment comes from `roster.schoolEnrollment` instead.
    func schoolSums(_ queries: FigureQueries, roster: RosterCache.DayFigures, today: TodayAttendance.Snapshot,
                    schools: [ProvinceTree.School]) throws -> [Int64: Tally] {
        // Plain counters per school position: no per-class Tally is built.
        var position: [Int64: Int] = [:]
        position.reserveCapacity(schools.count)
        for (i, school) in schools.enumerated() { position[school.id] = i }
        var chronic = [Int](repeating: 0, count: schools.count)
        try addChronic(queries, into: &chronic, position: position, absentToday: today.absent)
        // The per-school counts today's rows keep against this roster state, else summed from the classes.
        let bySchool = today.bySchool ?? Self.schoolCounts(today.byClass, enrolled: roster.enrolledByClass)
        var sums: [Int64: Tally] = [:]
        sums.reserveCapacity(schools.count)
        for (i, school) in schools.enumerated() {
            var t = Tally()
            if let c = bySchool[school.id] {
                t.present = c.statuses.present; t.late = c.statuses.late
                t.excused = c.statuses.excused; t.unexcused = c.statuses.unexcused
                t.unreported = c.unreported
            }
            t.chronic = chronic[i]
            sums[school.id] = t
        }
        return sums
    }

    /// Today's per-school counts summed from the classes' (what `TodayAttendance` keeps when given a basis).
    private static func schoolCounts(_ byClass: [FigureQueries.ClassKey: TodayAttendance.Counts],
                                     enrolled: [FigureQueries.ClassKey: Int]) -> [Int64: TodayAttendance.SchoolCounts] {
        var state = TodayAttendance.State()
        state.byClass = byClass
        state.keepSchoolCounts(against: enrolled)
        return state.bySchool
    }

    /// Chronic absence per school position for a unit report: from the held base's per-school counts and the
    /// students absent today one absence short of the threshold (SQL per class when nothing is held).
    private func addChronic(_ queries: FigureQueries, into chronic: inout [Int], position: [Int64: Int],
                            absentToday: Set<Int64>) throws {
        if let held = today?.reaching {
            // Kept by today's rows against the held base.
            for (school, n) in held.base.atThresholdBySchool { if let i = position[school] { chronic[i] += n } }
            for (school, n) in held.bySchool { if let i = position[school] { chronic[i] += n } }
            return
        }
        guard let (base, students) = try heldChronicBase(queries, unit: true) else {
            var byClass: [FigureQueries.ClassKey: Tally] = [:]
            try queries.chronicByClass(into: &byClass)
            for (key, t) in byClass { if let i = position[key.school] { chronic[i] += t.chronic } }
            return
        }
        for (school, n) in base.atThresholdBySchool { if let i = position[school] { chronic[i] += n } }
        queries.forEachReachingThreshold(base: base, students: students, absentToday: absentToday) { key in
            if let i = position[key.school] { chronic[i] += 1 }
        }
    }
}
