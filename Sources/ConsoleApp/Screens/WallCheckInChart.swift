import ReportModel
import ConsoleCore

/// The check-in curve as a column chart on a stated 0–100 % scale: today's share reported by each time of day as
/// bars, the previous school day (─) and the same weekday last week (•) as marks at the same times.
enum WallCheckInChart {
    /// The rows the chart takes out of `available` below the panels (0 without a curve or room).
    static func height(_ state: AppState, available: Int, panels: Int) -> Int {
        guard state.checkIn != nil else { return 0 }
        let rows = min(20, available - panels)
        return rows >= 7 ? rows : 0
    }

    /// Draws the chart in `rect` (border, legend and axes included).
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        guard let curve = state.checkIn, rect.height >= 7, rect.width >= 40 else { return }
        var title = WallText.checkInTitle.in(context.language)
        if let words = WallCheckIn.headline(curve, context) { title += " · " + words.map(\.text).joined() }
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title)
        let g = context.glyphs
        let previousMark = g.isUnicode ? "─" : "-", weekMark = g.isUnicode ? "•" : "*"
        let legend = [Span(" " + (g.isUnicode ? "█" : "#") + " " + label(WallText.today, curve.today, context), role: .chart),
                      Span("   \(previousMark) " + label(WallText.previousDay, curve.previousDay, context), role: .warn),
                      Span("   \(weekMark) " + label(WallText.lastWeek, curve.lastWeek, context), role: .accent),
                      Span("   " + WallText.scaleRates.in(context.language), role: .dim)]
        StyledLine(legend, glyphs: g).render(Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), into: &buffer)
        let axisWidth = 5
        let plot = Rect(x: inner.x + axisWidth + 1, y: inner.y + 1, width: inner.width - axisWidth - 2, height: inner.height - 2)
        guard plot.height >= 3, plot.width >= curve.minutes.count else { return }
        for (fraction, text) in [(1.0, "100%"), (0.5, "50%"), (0.0, "0%")] {
            let y = plot.y + Int(((1 - fraction) * Double(plot.height - 1)).rounded())
            buffer.put(text, at: Point(x: inner.x, y: y), width: axisWidth, alignment: .right, style: CellStyle(.dim))
        }
        let column = plot.width / curve.minutes.count
        let bar = max(1, column - 1)
        let levels = g.sparkLevels
        for (i, minute) in curve.minutes.enumerated() {
            let x = plot.x + i * column
            if let share = curve.today.shares[safe: i] ?? nil {
                let eighths = Int((min(1, max(0, share)) * Double(plot.height * 8)).rounded())
                for row in 0..<plot.height {
                    let fill = eighths - row * 8
                    guard fill > 0 else { break }
                    let glyph = fill >= 8 ? levels[levels.count - 1] : levels[max(0, min(levels.count - 1, fill * levels.count / 8 - 1))]
                    buffer.put(String(repeating: glyph, count: bar), at: Point(x: x, y: plot.maxY - 1 - row), style: CellStyle(.chart))
                }
            }
            func row(_ series: CheckInCurve.Series?) -> Int? {
                guard let share = series?.shares[safe: i] ?? nil else { return nil }
                return plot.y + Int(((1 - min(1, max(0, share))) * Double(plot.height - 1)).rounded())
            }
            let previousRow = row(curve.previousDay), weekRow = row(curve.lastWeek)
            if let y = previousRow {
                buffer.put(String(repeating: previousMark, count: bar), at: Point(x: x, y: y), style: CellStyle(.warn, bold: true))
            }
            if let y = weekRow {
                // On the same row as the previous day's mark, the two alternate so both stay visible.
                for k in stride(from: y == previousRow ? 1 : 0, to: bar, by: y == previousRow ? 2 : 1) {
                    buffer.put(weekMark, at: Point(x: x + k, y: y), style: CellStyle(.accent, bold: true))
                }
            }
            if minute % 60 == 0, x + 5 <= plot.maxX {
                buffer.put(String(format: "%02d:00", minute / 60), at: Point(x: x, y: plot.maxY), style: CellStyle(.dim))
            }
        }
    }

    /// "hôm nay 23/11" with the day's date.
    private static func label(_ text: WallText, _ series: CheckInCurve.Series?, _ context: ScreenContext) -> String {
        text.in(context.language) + (series.map { " " + Formats.shortDay($0.day) } ?? " –")
    }
}
