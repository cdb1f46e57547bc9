import Foundation
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
            let query = CheckInQuery(db: db, zone: context.zone, filter: .schools(schools.map(\.id).sorted()))
            return try query.curve(day: context.day.day, asOf: context.skew.judgeAt)
        }
    }
}
