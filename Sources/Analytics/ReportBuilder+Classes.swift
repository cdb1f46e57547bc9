import Foundation
import SectorData

/// The first step of a report: students, attendance and chronic absence per class, summed per school.
extension ReportBuilder {
    /// Per-class tallies (not built for a unit report served by the caches) and their sums per school.
    struct ClassTallies {
        var tallies: [FigureQueries.ClassKey: Tally] = [:]
        /// Per school: the classes' day counts (and enrollment when `enrollment` is nil).
        let sums: [Int64: Tally]
        /// Where the per-school sums carry no enrollment, it is taken from here.
        let enrollment: [Int64: Tally]?
    }

    /// A unit report with the roster and today's rows held sums per school from the caches alone; every other
    /// report builds a tally per class (enrollment, attendance, chronic absence, unreported) and sums them.
    func classTallies(_ queries: FigureQueries, resolved: ProvinceTree.Resolved, roster: RosterCache.DayFigures?,
                      schools: [ProvinceTree.School]) throws -> ClassTallies {
        let unit = isUnit(resolved)
        if unit, let roster, let today {
            return ClassTallies(sums: try schoolSums(queries, roster: roster, today: today, schools: schools),
                                enrollment: roster.schoolEnrollment)
        }
        var tallies: [FigureQueries.ClassKey: Tally] = [:]
        if let roster {
            for (position, key) in roster.classes.keys.enumerated()
            where queries.includes(school: key.school, classID: key.classID) {
                tallies[key] = roster.tally(at: position)
            }
        } else {
            try queries.enrollmentByClass(into: &tallies)
        }
        try attendance(queries, into: &tallies)
        try chronic(queries, into: &tallies, unit: unit)
        if !unit { try enrollClassesThatDay(queries, into: &tallies) }
        for key in Array(tallies.keys) {
            if var t = tallies[key] {
                t.unreported = max(0, t.enrolled - t.reported)
                tallies[key] = t
            }
        }
        var sums: [Int64: Tally] = [:]
        for (key, t) in tallies { sums[key.school, default: Tally()].add(t) }
        return ClassTallies(tallies: tallies, sums: sums, enrollment: nil)
    }

    /// The report day's attendance per class: from the kept rows when there are some, else from SQL.
    private func attendance(_ queries: FigureQueries, into tallies: inout [FigureQueries.ClassKey: Tally]) throws {
        guard let today, !day.isBeforeSchoolYear else {
            try queries.attendanceByClass(into: &tallies)
            return
        }
        for (key, c) in today.byClass where queries.includes(school: key.school, classID: key.classID) {
            var t = tallies[key] ?? Tally()
            t.present += c.present; t.late += c.late; t.excused += c.excused; t.unexcused += c.unexcused
            tallies[key] = t
        }
    }

    /// A school's or class's enrolled per class as of the report day, by the class each pupil was in that day
    /// (`FigureQueries.enrolledByClassThatDay`): a pupil who changed class is counted where today's row puts them.
    private func enrollClassesThatDay(_ queries: FigureQueries, into tallies: inout [FigureQueries.ClassKey: Tally]) throws {
        let thatDay = try queries.enrolledByClassThatDay(days: [day.day])[day.day] ?? [:]
        for key in Set(tallies.keys).union(thatDay.keys) where queries.includes(school: key.school, classID: key.classID) {
            var t = tallies[key] ?? Tally()
            let e = thatDay[key] ?? (0, 0, 0)
            t.enrolled = e.enrolled; t.female = e.female; t.male = e.male
            tallies[key] = t
        }
    }

    /// Chronic absence per class: from the held base and today's absences when the students are held and the
    /// province-wide absences are (or may be) filled, else one SQL query.
    private func chronic(_ queries: FigureQueries, into tallies: inout [FigureQueries.ClassKey: Tally],
                         unit: Bool) throws {
        if let held = today?.reaching {
            // Kept by today's rows against the held base, per class: no walk over the province's absences.
            for (key, n) in held.base.atThreshold where queries.includes(school: key.school, classID: key.classID) {
                tallies[key, default: Tally()].chronic += n
            }
            for (key, n) in held.byClass where n != 0 && queries.includes(school: key.school, classID: key.classID) {
                tallies[key, default: Tally()].chronic += n
            }
            return
        }
        guard let (base, students) = try heldChronicBase(queries, unit: unit) else {
            try queries.chronicByClass(into: &tallies)
            return
        }
        queries.chronicByClass(into: &tallies, base: base, students: students,
                               absentToday: try today?.absent ?? queries.absentToday())
    }

    /// The chronic-absence base from the summaries when the students are held, the day is a school day in
    /// `YYYY-MM-DD` form and the province-wide absences are (or, for a unit report, may be) filled; nil = SQL.
    func heldChronicBase(_ queries: FigureQueries, unit: Bool) throws -> (base: ChronicBase, students: StudentFacts)? {
        guard let live, let start = day.yearStart, !day.isBeforeSchoolYear, day.schoolDaysSoFar > 0,
              StudentFacts.dayNumber(day.day) != nil,
              unit || live.caches.pastDays.hasAbsences(yearStart: start, before: day.day) else { return nil }
        let base = try live.caches.pastDays.chronicBase(db, students: live.students, studentsToken: live.studentsToken,
                                                        yearStart: start, day: day.day, minDays: queries.chronicMinDays)
        return (base, live.students)
    }

    /// The report day's province-wide enrollment, teachers, classes and intake plans from the roster cache, when
    /// the students are held; nil = SQL.
    func rosterFigures() throws -> RosterCache.DayFigures? {
        guard let live else { return nil }
        return try live.caches.roster.dayFigures(db, tokens: live.tokens, day: day, students: live.students)
    }
}
