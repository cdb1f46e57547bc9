import Analytics
import ConsoleCore

/// The attendance panel: rate, completeness, the breakdown, a 30-school-day sparkline, chronic absence.
enum AttendancePanel {
    /// The panel's title: names the day when it is not today, and the day's rows left out by the contract's rules
    /// (`d` lists them).
    static func title(_ figures: AttendanceFigures, _ context: ScreenContext) -> String {
        let base = context.t(.attendance)
        let day = figures.isAsOfSchoolDay ? base : "\(base) · \(Formats.shortDay(figures.day))"
        guard figures.rowsLeftOut > 0 else { return day }
        return "\(day) · \(ConnectivityLook.warning(context.glyphs)) "
            + DataQualityText.rowsLeftOut(figures.rowsLeftOut, context.language)
    }

    /// The panel's lines, most important first.
    static func lines(_ figures: NodeFigures, width: Int, _ context: ScreenContext) -> [[Span]] {
        let a = figures.attendance, lang = context.language
        let rateText = Formats.percent(a.rate, lang)
        let rateDelta = context.delta(.attendanceRate)
        let gaugeWidth = max(0, width - DisplayWidth.of(context.t(.rate)) - DisplayWidth.of(rateText) - 4
                                - DisplayWidth.of(rateDelta?.text ?? ""))
        var lines: [[Span]] = [[
            Span(context.t(.rate) + " "), Span(rateText, role: context.attendanceBands.role(a.rate), bold: true), Span(" "),
            Span(Gauge(fraction: a.rate, glyphs: context.glyphs).bar(width: min(gaugeWidth, 20)), role: context.attendanceBands.role(a.rate)),
        ] + (rateDelta.map { [$0] } ?? [])]
        var completeness = [Span(context.t(.completeness) + " "),
                            Span(Formats.percent(a.completeness, lang), role: context.completenessBands.role(a.completeness))]
        if let delta = context.delta(.shareReported) { completeness.append(delta) }
        if figures.node.level != .school && figures.node.level != .class {
            completeness.append(Span(" · \(Formats.count(a.schoolsReporting, lang))/\(Formats.count(a.schoolsTotal, lang)) ", role: .dim))
            completeness.append(Span(context.t(.columnSchools).lowercased(), role: .dim))
        }
        lines.append(completeness)
        lines.append([Span(context.t(.present) + " "), Span(Formats.count(a.present, lang), role: .normal, bold: true),
                      Span(" · " + context.t(.late) + " "), Span(Formats.count(a.late, lang), role: .warn)])
        lines.append([Span(context.t(.excused) + " "), Span(Formats.count(a.excused, lang)),
                      Span(" · " + context.t(.unexcused) + " "), Span(Formats.count(a.unexcused, lang), role: .crit)])
        lines.append([Span(context.t(.unreported) + " "), Span(Formats.count(a.unreported, lang), role: .unknown)])
        let scale = sparklineScale(a.trend.compactMap(\.rate))
        let sparkWidth = max(0, width - DisplayWidth.of(context.t(.trend30)) - 2)
        lines.append([Span(context.t(.trend30) + " ", role: .dim),
                      Span(Sparkline(a.trend.map(\.rate), minimum: scale.lower, maximum: scale.upper, glyphs: context.glyphs).glyphString(width: min(sparkWidth, a.trend.count)), role: .chart)])
        lines.append([Span(context.t(.chronicAbsent) + " "), Span(Formats.count(a.chronicAbsent, lang), role: .warn)])
        return reorderForSmallPanels(lines)
    }

    /// The sparkline's vertical range: the data's own range, but never narrower than 5 percentage points, so
    /// day-to-day noise is not drawn as a cliff and a real dip still shows.
    static func sparklineScale(_ rates: [Double]) -> (lower: Double, upper: Double) {
        guard let low = rates.min(), let high = rates.max() else { return (0, 1) }
        let upper = min(1, max(high, low + 0.05))
        return (max(0, min(low, upper - 0.05)), upper)
    }

    /// In a 4-line panel the sparkline matters more than the detailed split.
    private static func reorderForSmallPanels(_ lines: [[Span]]) -> [[Span]] {
        guard lines.count >= 6 else { return lines }
        return [lines[0], lines[1], lines[2], lines[5], lines[3], lines[4]] + lines.dropFirst(6)
    }
}
