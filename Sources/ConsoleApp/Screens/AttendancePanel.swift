import ReportModel
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
        // One stated scale at every level (0–100 %), so a class and the province draw the same rate alike.
        let scale = " " + Self.scaleLabel
        let sparkWidth = max(0, width - DisplayWidth.of(context.t(.trend30)) - DisplayWidth.of(scale) - 2)
        let spark = Sparkline(a.trend.map(\.rate), minimum: 0, maximum: 1, glyphs: context.glyphs)
        lines.append([Span(context.t(.trend30) + " ", role: .dim),
                      Span(spark.glyphString(width: min(sparkWidth, a.trend.count)), role: .chart), Span(scale, role: .dim)])
        lines.append([Span(context.t(.chronicAbsent) + " "), Span(Formats.count(a.chronicAbsent, lang), role: .warn)])
        return reorderForSmallPanels(lines)
    }

    /// The trend's stated scale: rates are drawn on a fixed 0–100 % axis at every level.
    static let scaleLabel = "0–100%"

    /// In a 4-line panel the sparkline matters more than the detailed split.
    private static func reorderForSmallPanels(_ lines: [[Span]]) -> [[Span]] {
        guard lines.count >= 6 else { return lines }
        return [lines[0], lines[1], lines[2], lines[5], lines[3], lines[4]] + lines.dropFirst(6)
    }
}
