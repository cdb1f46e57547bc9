import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import ReportModel
import Testing

/// Clock skew reported by the analytics is shown in both languages; data that stops changing turns stale after the
/// limit whatever `published_at` says.
@Suite("Clock skew and frozen data")
struct ClockStateTests {
    private func loaded(_ report: NodeReport, language: Language = .vi) -> AppState {
        var state = AppState(language: language, size: Size(columns: 120, rows: 30), now: ReportFixtures.asOf)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, report))
        return state
    }

    private func text(_ state: AppState) -> String {
        DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true)).text
    }

    @Test func skewIsShownInBothLanguages() {
        var report = ReportFixtures.provinceReport()
        #expect(!text(loaded(report)).contains("nhanh hơn đồng hồ"), "no note without skew")
        report.clockSkewSeconds = 20 * 60 - 10
        #expect(text(loaded(report)).contains("Dữ liệu nhanh hơn đồng hồ máy chủ 20 phút"))
        #expect(text(loaded(report, language: .en)).contains("data time is 20 min ahead of this server's clock"))
    }

    @Test func dataThatStopsChangingTurnsStaleWhateverPublishedAtSays() {
        var report = ReportFixtures.provinceReport()
        report.publishedAt = ReportFixtures.asOf.addingTimeInterval(73 * 365 * 86_400)  // 2099
        var state = loaded(report)
        state.staleAfterMinutes = 1
        #expect(state.lastDataChange == ReportFixtures.asOf, "the first report counts as a change")
        _ = state.update(.tick(ReportFixtures.asOf.addingTimeInterval(59)))
        #expect(state.staleness == nil)
        _ = state.update(.tick(ReportFixtures.asOf.addingTimeInterval(61)))
        #expect(state.staleReason == .unchanged)
        #expect(state.staleness == .warning)
        #expect(text(state).contains("Dữ liệu cũ: không thay đổi từ"))
        // A retry after a failed load is not a change of the data; a change seen by the watcher is.
        _ = state.update(.retryLoad)
        #expect(state.staleReason == .unchanged)
        _ = state.update(.tick(ReportFixtures.asOf.addingTimeInterval(121)))
        #expect(state.staleness == .warning, "two minutes is not past twice the limit")
        _ = state.update(.tick(ReportFixtures.asOf.addingTimeInterval(181)))
        #expect(state.staleness == .critical)
        _ = state.update(.snapshotChanged)
        #expect(state.staleness == nil)
        #expect(!text(state).contains("Dữ liệu cũ"))
    }
}
