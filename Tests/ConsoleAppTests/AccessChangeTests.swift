import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import SnapshotSource
import Testing
import TestSupport

/// Issue 14: a grant narrowed in the access file while the console runs narrows the running console in place.
@Suite("Access changed while running")
struct AccessChangeTests {
    private func loadedState() -> AppState {
        var state = AppState(size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        _ = state.requestLoad()
        _ = state.update(.scoped(revision: 0, .reportLoaded(generation: 1, ReportFixtures.provinceReport())))
        _ = state.update(.searchIndexLoaded(ReportFixtures.searchIndex()))
        return state
    }

    @Test func theScreenForgetsTheOldScopeAndLoadsTheNewRoot() {
        var state = loadedState()
        #expect(state.report != nil && state.searchIndex != nil)
        _ = state.update(.key(.enter))  // drilled into a commune (generation 2)
        let effects = state.update(.accessChanged(AccessChange(revision: 1, scopeLabel: "hoa: S0003", exportDirectory: nil)))
        #expect(effects == [.load(node: nil, generation: 3)], "the new scope's root is loaded")
        #expect(state.report == nil, "nothing read under the old scope stays on screen")
        #expect(state.searchIndex == nil && state.dataQuality == nil)
        #expect(state.previousReport == nil && state.changes == nil && state.checkIn == nil,
                "no delta or curve compares the new area with the old one")
        #expect(state.stack.count == 1 && state.stack[0].node == nil)
        #expect(state.scopeLabel == "hoa: S0003" && state.exportDirectory == nil)
        #expect(state.message == UIText.accessChanged.in(state.language))
    }

    @Test func untilTheNewAreaIsReadTheHeaderNamesTheGrantNotTheProvince() {
        var state = loadedState()
        _ = state.update(.accessChanged(AccessChange(revision: 1, scopeLabel: "hoa: NOPE", exportDirectory: nil)))
        let header = Self.topLine(state)
        #expect(header.contains("NOPE") && !header.contains(UIText.province.in(state.language)), "\(header)")
        // A whole-province grant ("*") is still called the province.
        _ = state.update(.accessChanged(AccessChange(revision: 2, scopeLabel: "hoa: *", exportDirectory: nil)))
        #expect(Self.topLine(state).contains(UIText.province.in(state.language)), "\(Self.topLine(state))")
    }

    private static func topLine(_ state: AppState) -> String {
        let text = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true)).text
        return String(text.split(separator: "\n").first ?? "")
    }

    @Test func resultsOfWorkStartedUnderTheOldScopeAreDropped() {
        var state = loadedState()
        _ = state.update(.accessChanged(AccessChange(revision: 1, scopeLabel: nil, exportDirectory: nil)))
        // Work the worker started before the change answers late, tagged with the old revision.
        _ = state.update(.scoped(revision: 0, .reportLoaded(generation: 2, ReportFixtures.provinceReport())))
        _ = state.update(.scoped(revision: 0, .searchIndexLoaded(ReportFixtures.searchIndex())))
        _ = state.update(.scoped(revision: 0, .navigate(to: ReportFixtures.communes[0])))
        #expect(state.report == nil && state.searchIndex == nil && state.stack.count == 1)
        // The new scope's answers are taken.
        _ = state.update(.scoped(revision: 1, .reportLoaded(generation: 2, ReportFixtures.provinceReport())))
        #expect(state.report != nil)
    }

    @Test func theDataSourceAnswersForTheNarrowedScope() throws {
        let file = try SampleFixtures.freshSnapshot(schools: 6)
        let asOf = SampleFixtures.mondayMorning
        let source = try SnapshotDataSource(url: file, config: AnalyticsConfig(), scope: nil)
        let province = try source.report(for: nil, asOf: asOf)
        let school = try #require(try SQLiteCLI.rows(file.path,
            "SELECT code, name FROM schools WHERE status = 'active' ORDER BY code LIMIT 1").first)
        let enrolled = try SQLiteCLI.int(file.path, """
            SELECT count(*) FROM students s JOIN schools k ON k.id = s.school_id WHERE k.code = '\(school[0])'
              AND s.enrolled_on <= '\(province.figures.attendance.day)'
              AND (s.left_on IS NULL OR s.left_on > '\(province.figures.attendance.day)')
            """)
        let other = try #require(province.children.first { $0.node.level == .unit })
        #expect(source.scopeRevision == 0)

        source.changeScope(to: Scope(unitCodes: [], schoolCodes: [school[0]]), label: "hoa: \(school[0])", exportDirectory: nil)
        #expect(source.scopeRevision == 1)
        #expect(source.accessChange == AccessChange(revision: 1, scopeLabel: "hoa: \(school[0])", exportDirectory: nil))
        let narrowed = try source.report(for: nil, asOf: asOf)
        #expect(narrowed.figures.node.code == school[0] && narrowed.figures.node.name == school[1])
        #expect(narrowed.figures.attendance.enrolled == enrolled, "the school's own students (sqlite3: \(enrolled))")
        #expect(throws: DashboardDataError.self, "a commune of the old scope is outside the new one") {
            _ = try source.report(for: other.node, asOf: asOf)
        }
        let index = try source.searchIndex()
        #expect(!index.entries.isEmpty)
        #expect(index.entries.allSatisfy { entry in
            entry.node.code == school[0] || entry.path.contains { $0.code == school[0] }
        }, "search finds only the school and its classes")
    }
}
