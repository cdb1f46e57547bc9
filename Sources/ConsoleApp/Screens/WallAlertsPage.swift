import ReportModel
import ConsoleCore

/// The wall's alerts page: critical first, then warnings, longest first; alerts new since the last change are
/// marked, and the ones resolved then are named in one line at the top.
enum WallAlertsPage {
    /// Draws the page in `rect`.
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        guard rect.height >= 3 else { return }
        let lang = context.language
        // By severity; within it the alerts new since the last change first (what the room has not seen), then longest.
        let alerts = (state.reportMatchesCurrent ? state.sortedAlerts : []).enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let newA = state.isNew(a.element), newB = state.isNew(b.element)
            return newA != newB ? newA : a.offset < b.offset
        }.map(\.element)
        var lines: [[Span]] = []
        if let resolved = state.changes?.resolvedAlerts, !resolved.isEmpty {
            let names = resolved.prefix(5).map { "\($0.node.name) (\(kindWord($0, context)))" }.joined(separator: ", ")
            let rest = resolved.count > 5 ? " + \(Formats.count(resolved.count - 5, lang)) \(WallText.moreRows.in(lang))" : ""
            lines.append([Span((context.glyphs.isUnicode ? "✓ " : "") + "\(WallText.resolvedTitle.in(lang)) "
                               + "\(Formats.count(resolved.count, lang)): ", role: .ok, bold: true),
                          Span(names + rest, role: .ok)])
        }
        let newMark = " \(WallText.newMark.in(lang)) "
        let markWidth = DisplayWidth.of(newMark)
        for alert in alerts {
            let mark = state.isNew(alert) ? Span(newMark, role: .changed, bold: true)
                : Span(String(repeating: " ", count: markWidth))
            lines.append([mark, Span(" " + AlertText.glyph(alert.severity, context.glyphs) + " ", role: AlertText.role(alert), bold: true),
                          Span(AlertText.subject(alert, context) + ": ", role: .normal, bold: true),
                          Span(AlertText.describe(alert, context), role: AlertText.role(alert))])
        }
        let critical = alerts.filter { $0.severity == .critical }.count
        let newCount = alerts.filter { state.isNew($0) }.count
        var title = "\(WallText.pageAlerts.in(lang)): \(AlertText.glyph(.critical, context.glyphs)) \(Formats.count(critical, lang))"
            + " · \(AlertText.glyph(.warning, context.glyphs)) \(Formats.count(alerts.count - critical, lang))"
        if newCount > 0 { title += " · \(WallText.newMark.in(lang)) \(Formats.count(newCount, lang))" }
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title)
        guard inner.width > 1, inner.height > 0 else { return }
        if alerts.isEmpty && lines.isEmpty {
            buffer.put(context.t(.noAlerts), at: Point(x: inner.x + 1, y: inner.y + inner.height / 2), width: inner.width - 2,
                       alignment: .center, style: CellStyle(.ok, bold: true))
            return
        }
        let fits = lines.count > inner.height ? inner.height - 1 : inner.height
        for (index, line) in lines.prefix(fits).enumerated() {
            StyledLine(line, glyphs: context.glyphs)
                .render(Rect(x: inner.x + 1, y: inner.y + index, width: inner.width - 1, height: 1), into: &buffer)
        }
        if lines.count > fits {
            StyledLine([Span("+ \(Formats.count(lines.count - fits, lang)) \(WallText.moreRows.in(lang))", role: .accent, bold: true)],
                       glyphs: context.glyphs)
                .render(Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 1, height: 1), into: &buffer)
        }
    }

    /// What a resolved alert was about, in a word or two.
    private static func kindWord(_ alert: Alert, _ context: ScreenContext) -> String {
        switch alert.kind {
        case .schoolOffline: return context.t(.offline).lowercased()
        case .lowAttendance: return context.t(.alertLowAttendance).lowercased()
        case .lowCompleteness: return context.t(.alertLowCompleteness).lowercased()
        case .chronicAbsence: return context.t(.alertChronicAbsence).lowercased()
        case .snapshotStale: return context.t(.alertSnapshotStale).lowercased()
        }
    }
}
