@testable import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import Testing

@Suite("AppState.update transitions")
struct AppStateUpdateTests {
    private func loadedState() -> AppState {
        var state = AppState(size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        let effects = state.requestLoad()
        #expect(effects == [.load(node: nil, generation: 1)])
        _ = state.update(.reportLoaded(generation: 1, ReportFixtures.provinceReport()))
        return state
    }

    @Test func enterDrillsIntoTheSelectedRowAndEscReturns() {
        var state = loadedState()
        #expect(state.table.rows.map(\.node.name) == ["Phường Nguyễn Trãi", "Xã Đắk Lắk", "Xã Thanh Hà"])
        _ = state.update(.key(.down))
        let effects = state.update(.key(.enter))
        let target = ReportFixtures.communes[2]  // "Xã Đắk Lắk" sorts second by folded name
        #expect(effects == [.load(node: target, generation: 2)])
        #expect(state.stack.map(\.node?.code) == [nil, target.code])
        #expect(state.loading)
        _ = state.update(.reportLoaded(generation: 2, ReportFixtures.communeReport(target)))
        #expect(state.table.level == .school)
        let back = state.update(.key(.escape))
        #expect(back == [.load(node: nil, generation: 3)])
        #expect(state.stack.count == 1)
        #expect(state.current.selectedRow == 1, "the selection where we left the province is restored")
    }

    @Test func aScopeChangedByTheServerRelabelsTheStatusLineAndStartsAgainAtTheNewRoot() {
        var state = loadedState()
        state.scopeLabel = "hoa.tran: 10502, 10507"
        state.exportDirectory = "/srv/exports/hoa.tran"
        _ = state.update(.key(.enter))  // generation 2
        let narrowed = AccessChange(revision: 1, scopeLabel: "hoa.tran: 10507", exportDirectory: "/srv/exports/hoa.tran")
        #expect(state.update(.accessChanged(narrowed)) == [.load(node: nil, generation: 3)])
        #expect(state.scopeLabel == "hoa.tran: 10507" && state.report == nil && state.stack.count == 1)
        #expect(state.exportDirectory == "/srv/exports/hoa.tran", "the session's export folder stays")
        #expect(state.update(.accessChanged(narrowed)) == [], "the same revision twice: nothing")
    }

    @Test func staleResultsAreDropped() {
        var state = loadedState()
        _ = state.update(.key(.enter))                // generation 2 requested
        _ = state.update(.key(.escape))               // generation 3 requested
        _ = state.update(.reportLoaded(generation: 2, ReportFixtures.communeReport(ReportFixtures.communes[1])))
        #expect(state.report?.figures.node.level == .province, "a result for generation 2 arrived after 3 was asked")
        #expect(state.loading)
        _ = state.update(.reportLoaded(generation: 3, ReportFixtures.provinceReport()))
        #expect(!state.loading)
    }

    @Test func snapshotFailureKeepsLastGoodDataAndRecovers() {
        var state = loadedState()
        let before = state.report
        let t1 = ReportFixtures.asOf.addingTimeInterval(60)
        _ = state.update(.snapshotFailed(generation: nil, reason: "x.sqlite: file is gone", at: t1))
        _ = state.update(.snapshotFailed(generation: nil, reason: "x.sqlite: not an SQLite database", at: t1 + 5))
        #expect(state.report == before)
        #expect(state.problem?.since == t1, "since is when the trouble began, not the latest reason")
        #expect(state.problem?.reason == "x.sqlite: not an SQLite database")
        _ = state.update(.snapshotChanged)
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.provinceReport()))
        #expect(state.problem == nil)
    }

    @Test func filterIsAccentInsensitiveAndFoldsDStroke() {
        var state = loadedState()
        _ = state.update(.key(.character("/")))
        for c in "dak lak" { _ = state.update(.key(.character(c))) }
        #expect(state.table.rows.map(\.node.name) == ["Xã Đắk Lắk"])
        _ = state.update(.key(.enter))
        #expect(state.prompt == nil)
        #expect(state.filterText == "dak lak", "Enter keeps the filter")
        _ = state.update(.key(.escape))
        #expect(state.filterText.isEmpty, "Esc clears the filter before going up")
        #expect(state.stack.count == 1)
        _ = state.update(.key(.character("/")))
        for c in "nguyen trai" { _ = state.update(.key(.character(c))) }
        #expect(state.table.rows.map(\.node.name) == ["Phường Nguyễn Trãi"])
    }

    @Test func sortCyclesColumnsAndReverses() {
        var state = loadedState()
        _ = state.update(.key(.character("s")))
        #expect(state.sort.column == .schools)
        _ = state.update(.key(.character("s")))
        #expect(state.sort.column == .students)
        #expect(state.table.rows.map(\.enrollment.enrolled) == [100, 150, 200])
        _ = state.update(.key(.character("S")))
        #expect(state.table.rows.map(\.enrollment.enrolled) == [200, 150, 100])
    }

    @Test func selectionStaysInsideTheTable() {
        var state = loadedState()
        _ = state.update(.key(.end))
        #expect(state.current.selectedRow == 2)
        _ = state.update(.key(.down))
        #expect(state.current.selectedRow == 2)
        _ = state.update(.key(.pageUp))
        #expect(state.current.selectedRow == 0)
    }

    @Test func alertEnterNavigatesToItsSchool() {
        var state = loadedState()
        _ = state.update(.key(.character("a")))
        #expect(state.overlay == .alerts(selected: 0))
        let effects = state.update(.key(.enter))
        #expect(effects == [.load(node: ReportFixtures.schools[1], generation: 2)])
        #expect(state.overlay == nil)
    }

    @Test func jumpParsesTheCommandAndAsksTheRuntime() {
        var state = loadedState()
        _ = state.update(.key(.character(":")))
        for c in "school HD-TH-0002" { _ = state.update(.key(.character(c))) }
        #expect(state.update(.key(.enter)) == [.resolveJump(.school("HD-TH-0002"))])
        _ = state.update(.key(.character(":")))
        for c in " HD-TH-0002/10A1 " { _ = state.update(.key(.character(c))) }
        #expect(state.update(.key(.enter)) == [.resolveJump(.code("HD-TH-0002/10A1"))], "a bare code")
        _ = state.update(.key(.character(":")))
        for c in "go somewhere" { _ = state.update(.key(.character(c))) }
        #expect(state.update(.key(.enter)) == [.resolveJump(.code("go somewhere"))],
                "words without a verb are a name to look for (the runtime answers in the UI language)")
        _ = state.update(.key(.character(":")))
        #expect(state.update(.key(.enter)).isEmpty)
        #expect(state.message != nil, "an empty jump shows the forms")
    }

    @Test func pauseStopsLiveReloadsAndLanguageAndThemeCycle() {
        var state = loadedState()
        _ = state.update(.key(.character("p")))
        #expect(state.update(.snapshotChanged).isEmpty)
        #expect(!state.update(.key(.character("p"))).isEmpty, "resuming reloads at once")
        _ = state.update(.key(.character("L")))
        #expect(state.language == .en)
        state.themeNames = ["default", "light"]
        _ = state.update(.key(.character("t")))
        #expect(state.themeName == "light")
        _ = state.update(.key(.character("q")))
        #expect(state.shouldQuit)
    }

    @Test func mouseClickSelectsDoubleClickDrillsWheelScrolls() {
        var state = loadedState()
        let body = DashboardLayout(size: state.size).tableBody
        _ = state.update(.mouse(MouseEvent(.click, at: Point(x: body.x + 3, y: body.y + 2))))
        #expect(state.current.selectedRow == 2)
        _ = state.update(.mouse(MouseEvent(.wheelUp, at: Point(x: body.x + 3, y: body.y))))
        #expect(state.current.selectedRow == 0)
        #expect(state.update(.mouse(MouseEvent(.click, at: Point(x: 0, y: 0)))).isEmpty, "a click outside the table does nothing")
        let effects = state.update(.mouse(MouseEvent(.doubleClick, at: Point(x: body.x + 3, y: body.y + 1))))
        #expect(effects == [.load(node: state.current.node, generation: 2)])
        #expect(state.stack.count == 2)
        #expect(state.current.node?.name == "Xã Đắk Lắk")
    }
}
