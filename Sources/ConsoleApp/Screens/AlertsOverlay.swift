import ReportModel
import ConsoleCore

/// The `a` overlay: every alert under the current node, most severe and longest first; Enter goes to the
/// selected alert's school.
enum AlertsOverlay {
    /// Draws the list with `selected` highlighted.
    static func draw(_ alerts: [Alert], selected: Int, into buffer: inout CellBuffer, context: ScreenContext) {
        let newKeys = context.changes?.newAlerts ?? []
        let width = max(20, buffer.size.columns - 8)
        // Narrow screens give each alert two lines (where, then what), so neither is cut.
        let twoLines = width < 100
        var lines: [[Span]] = []
        for alert in alerts {
            let isNew = newKeys.contains(ReportChanges.AlertKey(alert))
            let mark = isNew ? WallText.newMark.in(context.language) + " " : ""
            let glyph = Span(mark + AlertText.glyph(alert.severity, context.glyphs) + " ", role: AlertText.role(alert), bold: true)
            let subject = AlertText.subject(alert, context)
            let text = Span(AlertText.describe(alert, context), role: AlertText.role(alert))
            if twoLines {
                lines.append([glyph, Span(subject, role: .normal, bold: true)])
                lines.append([Span(String(repeating: " ", count: DisplayWidth.of(glyph.text))), text])
            } else {
                lines.append([glyph, Span(subject + ": ", role: .normal, bold: true), text])
            }
        }
        if alerts.isEmpty { lines = [[Span(context.t(.noAlerts), role: .ok)]] }
        let height = min(buffer.size.rows - 4, lines.count + 2)
        let critical = alerts.filter { $0.severity == .critical }.count
        let title = "\(context.t(.alertsTitle)) (\(AlertText.glyph(.critical, context.glyphs)) \(critical) · "
            + "\(AlertText.glyph(.warning, context.glyphs)) \(alerts.count - critical)) · Enter · Esc"
        OverlayBox.draw(lines, title: title, width: width, height: height,
                        selected: alerts.isEmpty ? nil : selected * (twoLines ? 2 : 1), selectedLines: twoLines ? 2 : 1,
                        into: &buffer, context: context)
    }
}
