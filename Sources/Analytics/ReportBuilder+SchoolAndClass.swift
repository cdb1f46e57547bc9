import Foundation
import GRDB
import ReportModel
import SectorData

/// The node step for a school (its classes as children) and for a class.
extension ReportBuilder {
    /// The school's figures and (when asked) its classes'.
    func schoolFigures(_ school: ProvinceTree.School, ref: NodeRef, tallies: SchoolTallies,
                       classes: [FigureQueries.ClassKey: Tally], trend: [DayRate],
                       includeChildren: Bool) throws -> (NodeFigures, [NodeFigures]) {
        let t = tallies.day[school.id] ?? Tally()
        let status = tallies.links[school.id]?.status
        let figures = NodeFigures(node: ref, attendance: t.attendance(day: day, trend: trend),
                                  enrollment: t.enrollment(), devices: t.deviceFigures(),
                                  connectivity: t.connectivityFigures(status: status))
        guard includeChildren else { return (figures, []) }
        return (figures, try classChildren(of: school, tallies: classes, status: status))
    }

    /// The school's classes in grade and name order, each with its figures.
    private func classChildren(of school: ProvinceTree.School, tallies: [FigureQueries.ClassKey: Tally],
                               status: ConnectivityStatus?) throws -> [NodeFigures] {
        try FigureQueries.classes(db, school: school.id).map { schoolClass in
            let ref = NodeRef(level: .class, code: "\(tree.ref(school).code)/\(schoolClass.name)", name: schoolClass.name,
                              detail: nil)
            return classFigures(ref, tallies[FigureQueries.ClassKey(school: school.id, classID: schoolClass.id)] ?? Tally(),
                                trend: [], status: status)
        }
    }

    /// A class's figures: attendance and enrollment, its school's link status, no devices.
    func classFigures(_ ref: NodeRef, _ t: Tally, trend: [DayRate], status: ConnectivityStatus?) -> NodeFigures {
        NodeFigures(node: ref, attendance: t.attendance(day: day, trend: trend), enrollment: t.enrollment(),
                    devices: DeviceFigures(), connectivity: ConnectivityFigures(status: status))
    }
}
