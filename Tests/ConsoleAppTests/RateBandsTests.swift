import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import Testing

/// The colours of rates come from `--config`: the completeness threshold reaches the screen, and screen and alerts
/// agree on where a figure turns from fine to a warning.
@Suite struct RateBandsTests {
    /// The role of the completeness figure in the attendance panel of the province screen.
    static func completenessRole(completeness: Int, config: AnalyticsConfig) throws -> StyleRole {
        var state = AppState(language: .en, size: Size(columns: 80, rows: 24), now: ReportFixtures.asOf)
        state.attendanceBands = .attendance(config.attendance)
        state.completenessBands = .completeness(config.attendance)
        _ = state.requestLoad()
        var report = ReportFixtures.provinceReport()
        report.figures.attendance = ReportFixtures.figures(report.figures.node, enrolled: 100,
                                                           present: completeness).attendance
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, report))
        let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        let label = UIText.completeness.in(.en) + " "
        for y in 0..<frame.size.rows {
            let text = frame.rowText(y)
            guard let range = text.range(of: label + "\(completeness)") else { continue }
            let x = text.distance(from: text.startIndex, to: range.upperBound) - 1
            return frame[x, y].style.role
        }
        Issue.record("no completeness figure on screen:\n\(frame.text)")
        return .normal
    }

    @Test func theConfiguredCompletenessThresholdColoursTheScreen() throws {
        let defaults = AnalyticsConfig()
        let strict = try AnalyticsConfig.load(yaml: "attendance:\n  completeness_warn: 0.9\n")
        #expect(try Self.completenessRole(completeness: 85, config: defaults) == .ok, "85 % is above the default 80 %")
        #expect(try Self.completenessRole(completeness: 85, config: strict) == .warn, "85 % is below a configured 90 %")
        #expect(try Self.completenessRole(completeness: 95, config: strict) == .ok)
        #expect(try Self.completenessRole(completeness: 70, config: defaults) == .warn,
                "below the threshold is a warning, as the completeness alert is")
    }

    @Test func attendanceBandsFollowBothRateThresholds() throws {
        let config = try AnalyticsConfig.load(yaml: "attendance:\n  rate_warn: 0.95\n  rate_critical: 0.85\n")
        let bands = RateBands.attendance(config.attendance)
        #expect(bands.role(0.96) == .ok)
        #expect(bands.role(0.90) == .warn)
        #expect(bands.role(0.80) == .crit)
        #expect(bands.role(nil) == .unknown)
    }
}
