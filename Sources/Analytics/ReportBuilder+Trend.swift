import Foundation
import ReportModel
import SectorData

/// The 30-day attendance trend: past days from the summaries or SQL, today's point from today's counts.
extension ReportBuilder {
    /// The trend alone: the report day's point from its attendance, past days from the trend query.
    func trendOnly(_ resolved: ProvinceTree.Resolved) throws -> [DayRate] {
        let (nodeSchools, filter) = coverage(resolved)
        let queries = FigureQueries(db: db, filter: filter, day: day, config: config)
        var todayBySchool: [Int64: DayPoint] = [:]
        if let today, !day.isBeforeSchoolYear {
            for (key, c) in today.byClass where queries.includes(school: key.school, classID: key.classID) {
                todayBySchool[key.school, default: DayPoint()].add(attending: c.attending, reported: c.reported)
            }
        } else {
            var classTallies: [FigureQueries.ClassKey: Tally] = [:]
            try queries.attendanceByClass(into: &classTallies)
            for (key, t) in classTallies {
                todayBySchool[key.school, default: DayPoint()].add(attending: t.present + t.late, reported: t.reported)
            }
        }
        return try trendPoints(queries, schools: nodeSchools, today: todayBySchool, unit: unitID(resolved))
    }

    /// `today`: the report day's attending and reported counts per school. For a unit, what does not depend on
    /// today's rows (past days' counts, enrolled per day) is summed once per state of the summaries and roster.
    func trendPoints(_ queries: FigureQueries, schools: [ProvinceTree.School],
                     today: [Int64: DayPoint], unit: Int64?) throws -> [DayRate] {
        let sums: [String: PastDayCache.TrendSum]
        if let unit, let summaries, let key = summaries.roster.branchKey(
            tokens: tokens, day: day, provinceCode: tree.province.code, scope: tree.scope, unit: unit) {
            sums = try summaries.pastDays.trendSums(key, days: day.trendDays) {
                try trendSums(queries, schools: schools, unit: true)
            }
        } else {
            sums = try trendSums(queries, schools: schools, unit: unit != nil)
        }
        return day.trendDays.map { d in
            var point = sums[d] ?? PastDayCache.TrendSum()
            if d == day.day {
                for school in schools {
                    if let p = today[school.id] { point.attending += p.attending; point.reported += p.reported }
                }
            }
            return DayRate(day: d, rate: point.reported > 0 ? Double(point.attending) / Double(point.reported) : nil,
                           completeness: point.enrolled > 0 ? Double(point.reported) / Double(point.enrolled) : nil)
        }
    }

    /// The trend days' sums over the schools without today's rows: past days' attending and reported, and every
    /// day's enrolled.
    private func trendSums(_ queries: FigureQueries, schools: [ProvinceTree.School],
                           unit: Bool) throws -> [String: PastDayCache.TrendSum] {
        let ids = Set(schools.map(\.id))
        let past = try pastCounts(queries, unit: unit)
        let enrolled: [String: [Int64: Int]]
        if case .oneClass(let school, let classID) = queries.filter {
            let key = FigureQueries.ClassKey(school: school, classID: classID)
            enrolled = try queries.enrolledByClassThatDay(days: day.trendDays).mapValues { [school: $0[key]?.enrolled ?? 0] }
        } else if let summaries, let students {
            enrolled = summaries.roster.enrolledBySchool(tokens: tokens, days: day.trendDays, students: students)
        } else {
            enrolled = try queries.enrolledBySchool(onDays: day.trendDays)
        }
        var sums: [String: PastDayCache.TrendSum] = [:]
        for d in day.trendDays {
            var point = PastDayCache.TrendSum()
            if d != day.day {
                for (school, counts) in past[d] ?? [:] where ids.contains(school) {
                    point.attending += counts.attending
                    point.reported += counts.reported
                }
            }
            for (school, n) in enrolled[d] ?? [:] where ids.contains(school) { point.enrolled += n }
            sums[d] = point
        }
        return sums
    }

    /// The trend's past days per school: from the summaries (filled province-wide for a unit, or when all the
    /// days are already held), else straight from the rows of the node's schools. A class's come from its own
    /// rows (the summaries hold whole schools).
    private func pastCounts(_ queries: FigureQueries, unit: Bool) throws -> [String: [Int64: PastDayCache.DayCounts]] {
        let past = day.trendDays.filter { $0 < day.day }
        if let summaries, !queries.isOneClass, unit || summaries.pastDays.holds(days: past) {
            return try summaries.pastDays.pastTrend(db, days: past)
        }
        return try queries.pastTrendBySchool().mapValues { bySchool in
            bySchool.mapValues { PastDayCache.DayCounts(attending: $0.attending, reported: $0.reported) }
        }
    }
}
