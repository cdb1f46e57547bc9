import Analytics
@testable import ConsoleApp
import ConsoleCore
import Foundation
import ReportModel
import Testing

/// Classes read in the order a school writes them: 6A1 … 9A2, 10A1 (digit runs compare as numbers), both ways.
@Suite struct ClassOrderTests {
    func classes(_ names: [String]) -> [NodeFigures] {
        names.map { name in
            NodeFigures(node: NodeRef(level: .class, code: "S/\(name)", name: name),
                        attendance: AttendanceFigures(day: "2025-10-10", isAsOfSchoolDay: true),
                        enrollment: EnrollmentFigures(), devices: DeviceFigures(), connectivity: ConnectivityFigures())
        }
    }

    @Test func classNamesSortWithTheirNumbersAsNumbers() {
        let children = classes(["10A1", "6A2", "12A1", "9A2", "6A1", "11B", "6A10"])
        let up = ChildTable(children: children, filter: "", sort: SortOrder(column: .name), wide: false)
        #expect(up.rows.map(\.node.name) == ["6A1", "6A2", "6A10", "9A2", "10A1", "11B", "12A1"])
        let down = ChildTable(children: children, filter: "", sort: SortOrder(column: .name, descending: true), wide: false)
        #expect(down.rows.map(\.node.name) == ["12A1", "11B", "10A1", "9A2", "6A10", "6A2", "6A1"])
    }
}

/// A commune without schools has no connectivity to judge: its network cell is a dash, never a green "0".
@Suite struct EmptyUnitNetworkTests {
    @Test func aUnitWithoutSchoolsShowsADashNotAGoodZero() {
        var report = ReportFixtures.provinceReport()
        report.children[0] = ReportFixtures.figures(report.children[0].node, enrolled: 0, present: 0, schools: 0)
        var state = AppState(size: Size(columns: 120, rows: 40), now: ReportFixtures.asOf)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: 1, report))
        let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        let name = report.children[0].node.name
        let row = (0..<frame.size.rows).map(frame.rowText).first { $0.contains(name) } ?? ""
        #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix("– │") || row.contains("–  "), "\(row)")
        #expect(!row.contains("● 0"), "\(row)")
    }
}
