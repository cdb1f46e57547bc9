import ReportModel
import ConsoleCore

/// The check-in comparison in words: today's share reported by now against the same time on usual days.
enum WallCheckIn {
    /// "vs hôm qua ▲ +1,2 điểm · vs tuần trước ▼ -0,3 điểm"; nil without a curve or days to compare with.
    static func headline(_ curve: CheckInCurve?, _ context: ScreenContext) -> [Span]? {
        guard let curve else { return nil }
        var spans: [Span] = []
        for (label, series) in [(WallText.vsPreviousDay, curve.previousDay), (WallText.vsLastWeek, curve.lastWeek)] {
            guard let delta = curve.headlineDelta(against: series) else { continue }
            if !spans.isEmpty { spans.append(Span(" · ", role: .dim)) }
            spans.append(Span(label.in(context.language) + " ", role: .dim))
            let text = abs(delta) < 0.0005 ? "= 0"
                : Formats.delta(delta, fraction: true, context.language, unicode: context.glyphs.isUnicode)
            spans.append(Span(text, role: delta < -0.0005 ? .warn : .ok, bold: true))
        }
        return spans.isEmpty ? nil : spans
    }
}
