import Analytics
import ConsoleCore

/// The `a` overlay: every alert under the current node, most severe and longest first; Enter goes to the
/// selected alert's school.
enum AlertsOverlay {
    /// Draws the list with `selected` highlighted.
    static func draw(_ alerts: [Alert], selected: Int, into buffer: inout CellBuffer, context: ScreenContext) {
        let lines: [[Span]] = alerts.isEmpty ? [[Span(context.t(.noAlerts), role: .ok)]] : alerts.map { alert in
            [Span(AlertText.glyph(alert.severity, context.glyphs) + " ", role: AlertText.role(alert), bold: true),
             Span(AlertText.subject(alert, context) + ": ", role: .normal, bold: true),
             Span(AlertText.describe(alert, context), role: AlertText.role(alert))]
        }
        let width = max(20, buffer.size.columns - 8)
        let height = min(buffer.size.rows - 4, lines.count + 2)
        let critical = alerts.filter { $0.severity == .critical }.count
        let title = "\(context.t(.alertsTitle)) (\(AlertText.glyph(.critical, context.glyphs)) \(critical) · "
            + "\(AlertText.glyph(.warning, context.glyphs)) \(alerts.count - critical)) · Enter · Esc"
        OverlayBox.draw(lines, title: title, width: width, height: height, selected: alerts.isEmpty ? nil : selected,
                        into: &buffer, context: context)
    }
}
