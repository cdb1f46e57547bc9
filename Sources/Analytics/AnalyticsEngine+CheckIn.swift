import Foundation
import GRDB
import ReportModel

extension AnalyticsEngine {
    /// The check-in curve of a node (nil = the root of the user's scope; a class gives its school's) at `asOf`:
    /// the report day against the previous school day and the same weekday a week before. One read transaction;
    /// scope as in `report`. Empty series before the school year.
    public func checkInCurve(for node: NodeRef?, asOf: Date) throws -> CheckInCurve {
        try source.read { db in
            let context = try Context.load(db, scope: scope, asOf: asOf, trees: summaries?.roster,
                                           serverClock: asOfIsServerClock)
            let resolved = try node.map { try context.tree.resolve(ref: $0, db: db) } ?? context.tree.root
            let schools: [ProvinceTree.School]
            switch resolved {
            case .unit(let unit): schools = context.tree.activeSchools(under: unit)
            case .school(let school), .schoolClass(let school, _, _, _): schools = [school]
            }
            var query = CheckInQuery(db: db, zone: context.zone, filter: .schools(schools.map(\.id).sorted()))
            query.held = try heldCheckIn(db, context: context, schools: Set(schools.map(\.id)))
            return try query.curve(day: context.day.day, asOf: context.skew.judgeAt)
        }
    }

    /// The live caches' part of a curve: the kept comparison days, and today's rows brought up to date as a
    /// refresh does; nil (SQL answers) without caches or change tokens, before the school year or on a replay.
    private func heldCheckIn(_ db: Database, context: Context, schools: Set<Int64>) throws -> CheckInQuery.Held? {
        guard let summaries, !context.day.isBeforeSchoolYear, !context.day.isReplay,
              let dayStart = context.day.dayStart, try ContextQueries.hasRecordedIndex(db),
              let inputs = try RefreshInputs.read(db, caches: summaries, tokens: context.tokens, identity: summaryKey,
                                                  day: context.day),
              let past = inputs.tokens?.pastAttendanceToken, let deletions = inputs.tokens?.attendanceDeletionsToken
        else { return nil }
        let minDays = FigureQueries(db: db, filter: .all, day: context.day, config: config).chronicMinDays
        let mark = try LiveQueries.dayMark(db, day: context.day.day)
        // A transaction older than the kept rows (a refresh on another queue read past it) takes today's points
        // from SQL rather than sending the kept rows back to a full read.
        let behind = summaries.today.heldMark(day: context.day.day).map { held in mark.map { $0 < held } ?? true } ?? false
        let today = behind ? nil : try summaries.refresh(db, inputs, chronicMinDays: minDays)
        let bins = today == nil ? nil : summaries.today.checkInBins(day: context.day.day, dayStart: dayStart, mark: mark,
                                                                     schools: schools)
        return CheckInQuery.Held(days: summaries.checkInDays,
                                 key: CheckInDays.Key(summary: inputs.key, pastAttendance: past, deletions: deletions),
                                 schools: schools, newestDay: try LiveQueries.newestAttendanceDay(db),
                                 today: context.day.day, dayStart: dayStart, todayBins: bins)
    }
}
