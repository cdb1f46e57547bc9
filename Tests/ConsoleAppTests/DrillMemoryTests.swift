@testable import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import Testing

/// What the user set up on a level survives drilling down and coming back; the sort shows where it applies.
@Suite("Drill memory")
struct DrillMemoryTests {
    @Test func sortIsKeptThroughDrillDownAndShownOnTheNameWhereItsColumnIsMissing() {
        var state = AppState(size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.provinceReport()))
        state.sort = SortOrder(column: .schools, descending: true)
        _ = state.update(.key(.enter))
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.communeReport(ReportFixtures.communes[0])))
        #expect(state.sort == SortOrder(column: .schools, descending: true), "the sort is kept")
        #expect(!state.table.columns.contains(.schools))
        #expect(state.table.shownSortColumn(state.sort) == .name, "a school table sorts (and shows the arrow) by name")
        let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        #expect(frame.text.contains("Tên ▼"), "the arrow is on the name column:\n\(frame.text)")
        _ = state.update(.key(.escape))
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.provinceReport()))
        #expect(state.table.shownSortColumn(state.sort) == .schools, "back up, the schools column sorts again")
    }

    @Test func tooSmallNamesTheSizeAndTheMinimumApart() {
        let state = AppState(language: .vi, size: Size(columns: 40, rows: 10), now: ReportFixtures.asOf)
        let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        let text = frame.text
        #expect(text.contains("Cửa sổ quá nhỏ (40×10)"), "\(text)")
        #expect(text.contains("cần tối thiểu 60×16"), "\(text)")
    }
}
