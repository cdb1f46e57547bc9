import Foundation
import ReportModel
import SectorData

/// The node step for an admin unit: its total, its child units and its own schools.
extension ReportBuilder {
    /// The unit's figures and (when asked) its children's. The total is the branches' sums plus the unit's own
    /// schools: each school is added once. What changes only with the roster is summed once per roster state;
    /// each refresh adds the day's counts.
    func unitFigures(_ unit: ProvinceTree.Unit, ref: NodeRef, schools: [ProvinceTree.School], tallies: SchoolTallies,
                     trend: [DayRate], includeChildren: Bool) -> (NodeFigures, [NodeFigures]) {
        let statics = summaries.map { summaries in
            summaries.roster.branchStatics(summaries.roster.branchKey(
                tokens: tokens, day: day, provinceCode: tree.province.code, scope: tree.scope, unit: unit.id)) {
                staticSums(of: unit, schools: schools, staticPart: tallies.staticPart)
            }
        } ?? staticSums(of: unit, schools: schools, staticPart: tallies.staticPart)
        var byBranch = statics.byBranch
        var total = statics.total
        for school in schools {
            guard let t = tallies.day[school.id] else { continue }
            total.addDynamic(t)
            if school.unitID != unit.id { byBranch[branch(of: school, under: unit), default: Tally()].addDynamic(t) }
        }
        let figures = NodeFigures(node: ref, attendance: total.attendance(day: day, trend: trend),
                                  enrollment: statics.totalEnrollment,
                                  devices: RosterCache.BranchStatics.devices(statics.totalDevices, seenIn: total),
                                  connectivity: total.connectivityFigures(status: nil))
        guard includeChildren else { return (figures, []) }
        return (figures, unitChildren(of: unit, byBranch: byBranch, statics: statics, tallies: tallies))
    }

    /// The child unit of `unit` that a school below it (not directly in it) falls under.
    private func branch(of school: ProvinceTree.School, under unit: ProvinceTree.Unit) -> Int64 {
        var id = school.unitID
        while let parent = tree.units[id]?.parentID, parent != unit.id { id = parent }
        return id
    }

    /// The static parts (`Tally.staticPart`) of a unit's schools summed per child unit and in all.
    private func staticSums(of unit: ProvinceTree.Unit, schools: [ProvinceTree.School],
                            staticPart: (Int64) -> Tally) -> RosterCache.BranchStatics {
        var byBranch: [Int64: Tally] = [:]
        var total = Tally()
        for school in schools {
            let part = staticPart(school.id)
            total.add(part)
            if school.unitID != unit.id { byBranch[branch(of: school, under: unit), default: Tally()].add(part) }
        }
        return RosterCache.BranchStatics(byBranch: byBranch, total: total)
    }

    /// The unit's child units (their enrollment and device figures from the held statics) and its own schools.
    private func unitChildren(of unit: ProvinceTree.Unit, byBranch: [Int64: Tally], statics: RosterCache.BranchStatics,
                              tallies: SchoolTallies) -> [NodeFigures] {
        var result: [NodeFigures] = []
        for child in tree.visibleChildUnits(of: unit) {
            let t = byBranch[child.id] ?? Tally()
            let devices = statics.devicesByBranch[child.id].map { RosterCache.BranchStatics.devices($0, seenIn: t) }
            result.append(NodeFigures(node: tree.ref(child), attendance: t.attendance(day: day, trend: []),
                                      enrollment: statics.enrollmentByBranch[child.id] ?? t.enrollment(),
                                      devices: devices ?? t.deviceFigures(),
                                      connectivity: t.connectivityFigures(status: nil)))
        }
        for school in tree.directSchools(of: unit) {
            let t = tallies.fullTally(school.id)
            result.append(NodeFigures(node: tree.ref(school), attendance: t.attendance(day: day, trend: []),
                                      enrollment: t.enrollment(), devices: t.deviceFigures(),
                                      connectivity: t.connectivityFigures(status: tallies.links[school.id]?.status)))
        }
        return result
    }
}
