import Foundation
import GRDB
import ReportModel

extension AnalyticsEngine {
    /// The rows left out of the figures at `asOf` and why, for the schools in the user's scope: the report day's
    /// rows recorded by as-of and the trend's past days (the rows the screens are made of), per school and reason
    /// (`IndicatorRules.problemSQL`), with the duplicated codes. `wholeFile`: every row of every day instead
    /// (`eduioc check`; one pass over the table).
    public func dataQuality(asOf: Date, wholeFile: Bool = false) throws -> DataQualityReport {
        try source.read { db in
            let context = try Context.load(db, scope: scope, asOf: asOf, trees: summaries?.roster)
            let day = context.day
            guard !day.isBeforeSchoolYear else {
                return DataQualityReport(days: [], entries: [], duplicateCodes: duplicates(context.tree))
            }
            let (replay, replayArgs) = day.replayClause("a.")
            var arguments: StatementArguments = wholeFile ? [] : [day.day, day.day, day.asOfText]
            if !wholeFile { arguments += StatementArguments(replayArgs) }
            let days = wholeFile ? "1 = 1" : """
                a.day IN (SELECT day FROM school_days WHERE day <= ? ORDER BY day DESC LIMIT \(ReportDay.trendLength))
                  AND (a.day < ? OR +a.recorded_at <= ?)\(replay)
                """
            let rows = try Row.fetchAll(db, sql: """
                SELECT CASE WHEN typeof(a.school_id) = 'integer' THEN a.school_id ELSE -1 END,
                       \(IndicatorRules.problemSQL(attendance: "a", student: "s")) AS problem,
                       count(*), CAST(min(a.day) AS TEXT), CAST(max(a.day) AS TEXT),
                       min(CASE WHEN typeof(a.student_id) = 'integer' THEN a.student_id END)
                FROM attendance a LEFT JOIN students s ON s.id = a.student_id
                WHERE \(days)
                GROUP BY 1, 2 HAVING problem IS NOT NULL
                """, arguments: arguments)
            var entries: [DataQualityReport.Entry] = []
            for row in rows {
                guard let schoolID = row.checkedInt64(0), let reason = row.checkedText(1),
                      let problem = AttendanceRowProblem(rawValue: reason), let n = row.checkedInt(2),
                      let first = row.checkedText(3), let last = row.checkedText(4) else { continue }
                let school = context.tree.schools[schoolID]
                // A scoped user sees the rows naming their own schools only.
                if context.tree.scope != nil, school.map(context.tree.isVisible(school:)) != true { continue }
                entries.append(.init(school: school.map(context.tree.ref), schoolID: schoolID, problem: problem, rows: n,
                                     firstDay: first, lastDay: last, exampleStudent: row.checkedInt64(5)))
            }
            entries.sort { ($1.rows, $0.schoolID, $0.problem.rawValue) < ($0.rows, $1.schoolID, $1.problem.rawValue) }
            return DataQualityReport(days: wholeFile ? [] : day.trendDays, entries: entries,
                                     duplicateCodes: duplicates(context.tree))
        }
    }

    /// The duplicated codes a user may know of: all of them unscoped, else those of their own schools.
    private func duplicates(_ tree: ProvinceTree) -> [String] {
        guard tree.scope != nil else { return tree.duplicateCodes.sorted() }
        let mine = Set(tree.schools.values.filter(tree.isVisible(school:)).map(\.code))
        return tree.duplicateCodes.filter(mine.contains).sorted()
    }
}
