@testable import Analytics
@testable import ConsoleApp
import ConsoleCore
import Foundation
import ReportModel
import Testing

/// What changed between two refreshes: headline deltas, moved cells, new and resolved alerts (pure), and how
/// `AppState` keeps them and lets the highlight run out.
@Suite("What changed")
struct ReportChangesTests {
    let at = ReportFixtures.asOf.addingTimeInterval(300)

    @Test func headlineDeltasAreNewMinusOld() throws {
        let changes = try #require(ReportChanges.between(WallFixtures.before(), WallFixtures.after(), at: at))
        let before = WallFixtures.before().figures.attendance
        #expect(try #require(changes.headline[.attendanceRate]) == 0.9812 - (before.rate ?? 0))
        #expect(try #require(changes.headline[.shareReported]) == 0.32 - (before.completeness ?? 0))
        #expect(changes.headline[.schoolsReporting] == 1)
        #expect(changes.headline[.offlineSchools] == -1)
        #expect(changes.headline[.workingDevices] == nil, "an unchanged figure carries no delta")
    }

    @Test func aMoveTooSmallToShowIsNotAChange() throws {
        var after = WallFixtures.before()
        after.figures.attendance.rate = (after.figures.attendance.rate ?? 0) + 0.0001
        after.children[0].attendance.rate = (after.children[0].attendance.rate ?? 0) + 0.0001
        let changes = try #require(ReportChanges.between(WallFixtures.before(), after, at: at))
        #expect(changes.isEmpty, "\(changes)")
    }

    @Test func onlyTheCellsThatMovedAreMarked() throws {
        let changes = try #require(ReportChanges.between(WallFixtures.before(), WallFixtures.after(), at: at))
        let moved = WallFixtures.after().children[1].node.code
        #expect(changes.cells == [ReportChanges.Cell(code: moved, column: .rate)])
    }

    @Test func newAndResolvedAlertsAreToldApartFromOnesWhoseValueMoved() throws {
        var after = WallFixtures.after()
        after.alerts[0].value = 0.75  // same alert, new value: neither new nor resolved
        let changes = try #require(ReportChanges.between(WallFixtures.before(), after, at: at))
        #expect(changes.newAlerts == [ReportChanges.AlertKey(Alert(kind: .lowCompleteness, node: ReportFixtures.schools[1],
                                                                   message: ""))])
        #expect(changes.resolvedAlerts.map(\.kind) == [.schoolOffline])
        #expect(changes.resolvedAlerts.map(\.node) == [ReportFixtures.schools[0]])
    }

    @Test func reportsOfDifferentNodesAreNotCompared() {
        #expect(ReportChanges.between(ReportFixtures.provinceReport(),
                                      ReportFixtures.communeReport(ReportFixtures.communes[0]), at: at) == nil)
    }

    @Test func theStateKeepsTheLastChangesAndTheHighlightRunsOut() {
        var state = WallFixtures.state(.overview, size: Size(columns: 120, rows: 40), language: .vi, secondsAgo: 1)
        #expect(state.isHighlighting)
        #expect(state.previousReport?.figures.attendance.schoolsReporting == 1)
        #expect(state.delta(.schoolsReporting) == 1)
        let moved = WallFixtures.after().children[1].node.code
        #expect(state.isHighlighted(code: moved, column: .rate))
        #expect(!state.isHighlighted(code: moved, column: .completeness))
        // A refresh that changed nothing keeps the deltas; the highlight ends after highlightSeconds.
        _ = state.update(.snapshotChanged)
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, WallFixtures.after()))
        #expect(state.delta(.schoolsReporting) == 1)
        _ = state.update(.tick(state.now.addingTimeInterval(AppState.highlightSeconds)))
        #expect(!state.isHighlighting)
        #expect(!state.isHighlighted(code: moved, column: .rate))
        #expect(state.delta(.schoolsReporting) == 1, "the delta stays until the next change")
        // Another node: nothing to compare with.
        _ = state.update(.navigate(to: ReportFixtures.communes[0]))
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.communeReport(ReportFixtures.communes[0])))
        #expect(state.changes == nil && state.previousReport == nil)
    }

    @Test func theConsoleTableHighlightsTheMovedCell() {
        var state = WallFixtures.state(.overview, size: Size(columns: 120, rows: 40), language: .en, secondsAgo: 1)
        _ = state.update(.key(.character("w")))
        #expect(state.wall == nil)
        let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        let moved = WallFixtures.after().children[1]
        let row = (0..<frame.size.rows).first { frame.rowText($0).contains(moved.node.name) }
        let rateText = Formats.percent(moved.attendance.rate, .en)
        let line = row.map(frame.rowText) ?? ""
        let column = line.range(of: rateText).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        #expect(row != nil && column != nil, "\(frame.text)")
        if let row, let column {
            #expect(frame[column + 1, row].style.role == .changed)
            _ = state.update(.tick(state.now.addingTimeInterval(AppState.highlightSeconds)))
            let later = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
            #expect(later[column + 1, row].style.role != .changed)
        }
    }
}

/// The wall's page timer and keys.
@Suite("Wall rotation")
struct WallRotationTests {
    @Test func pagesRotateOnTheTimerAndPauseOnSpace() {
        var state = WallFixtures.state(.overview, size: Size(columns: 200, rows: 60), language: .vi)
        let start = state.now
        _ = state.update(.tick(start.addingTimeInterval(19)))
        #expect(state.wall?.page == .overview)
        _ = state.update(.tick(start.addingTimeInterval(20)))
        #expect(state.wall?.page == .ranking)
        _ = state.update(.key(.character(" ")))
        #expect(state.wall?.rotationPaused == true)
        _ = state.update(.tick(start.addingTimeInterval(100)))
        #expect(state.wall?.page == .ranking, "paused: no rotation")
        _ = state.update(.key(.character("]")))
        _ = state.update(.key(.character("]")))
        #expect(state.wall?.page == .offline)
        _ = state.update(.key(.character("[")))
        _ = state.update(.key(.left))
        #expect(state.wall?.page == .ranking)
        _ = state.update(.key(.character(" ")))
        _ = state.update(.tick(start.addingTimeInterval(119)))
        #expect(state.wall?.page == .ranking, "resuming restarts the page's time")
        _ = state.update(.tick(start.addingTimeInterval(120)))
        #expect(state.wall?.page == .notReported)
        #expect(WallPage.alerts.advanced(by: 1) == .overview && WallPage.overview.advanced(by: -1) == .alerts)
    }

    @Test func withoutRotationOnlyKeysChangePagesAndTheTableKeysDoNothing() {
        var state = WallFixtures.state(.overview, size: Size(columns: 120, rows: 40), language: .en)
        state.wall = WallState(rotateSeconds: nil, now: state.now)
        _ = state.update(.tick(state.now.addingTimeInterval(3600)))
        #expect(state.wall?.page == .overview)
        #expect(state.update(.key(.down)).isEmpty && state.update(.key(.character("/"))).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.update(.key(.enter)).isEmpty, "Enter steps the page, it does not drill")
        #expect(state.wall?.page == .ranking)
    }

    @Test func theWallRedrawsEverySecondAndTheConsoleEveryMinute() {
        var state = WallFixtures.state(.overview, size: Size(columns: 120, rows: 40), language: .en, secondsAgo: 10)
        let wallKey = ConsoleRuntime.shownTime(state)
        _ = state.update(.tick(state.now.addingTimeInterval(1)))
        #expect(ConsoleRuntime.shownTime(state) != wallKey)
        state.wall = nil
        let consoleKey = ConsoleRuntime.shownTime(state)
        let second = Int(state.now.timeIntervalSince1970) % 60
        _ = state.update(.tick(state.now.addingTimeInterval(second < 58 ? 1 : -1)))
        #expect(ConsoleRuntime.shownTime(state) == consoleKey)
    }
}

/// Sparklines keep one stated scale at every level (the issue: "▃▂▂▃" at the province, "▇▅▆█" at a class).
@Suite("Sparkline scale")
struct SparklineScaleTests {
    @Test func theSameRateDrawsTheSameGlyphWhateverTheOtherDays() throws {
        func sparkline(_ rates: [Double]) throws -> String {
            var figures = ReportFixtures.figures(ReportFixtures.province)
            figures.attendance.trend = rates.enumerated().map { DayRate(day: "2026-11-\(10 + $0.offset)", rate: $0.element, completeness: 1) }
            let state = AppState(language: .en, size: Size(columns: 120, rows: 40), now: ReportFixtures.asOf)
            let context = ScreenContext(state: state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
            let line = try #require(AttendancePanel.lines(figures, width: 60, context).first { $0.first?.text.hasPrefix("30") == true })
            #expect(line.last?.text == " " + AttendancePanel.scaleLabel, "the scale is stated")
            return line[1].text
        }
        let low = try sparkline([0.5, 0.9]), high = try sparkline([0.9, 0.99])
        #expect(low.last == high.first, "0.9 drew \(low.last.map(String.init) ?? "") and \(high.first.map(String.init) ?? "")")
        #expect(low.first != low.last)
    }
}

/// The wall's not-reported page says why it lists nothing.
@Suite("Wall not-reported page")
struct WallNotReportedTests {
    @Test func anEmptyListSaysWhy() {
        func text(_ report: NodeReport) -> String {
            var state = AppState(language: .en, size: Size(columns: 120, rows: 40), now: ReportFixtures.asOf)
            state.wall = WallState(rotateSeconds: nil, now: state.now, page: .notReported)
            _ = state.requestLoad()
            _ = state.update(.reportLoaded(generation: state.requestedGeneration, report))
            return DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true)).text
        }
        var all = ReportFixtures.provinceReport()
        all.figures.attendance.schoolsReporting = all.figures.attendance.schoolsTotal
        #expect(text(all).contains("Every school has reported"))
        var noPupils = ReportFixtures.provinceReport()
        noPupils.figures.attendance.schoolsReporting = noPupils.figures.attendance.schoolsTotal - 1
        #expect(text(noPupils).contains("These schools have no pupils enrolled"))
        var school = ReportFixtures.schoolReport()
        school.figures.attendance.schoolsReporting = 0
        school.path = [ReportFixtures.province]  // the wall's root may be one school (a one-school scope)
        #expect(text(school).contains("The list is shown for the province and communes"))
    }
}
