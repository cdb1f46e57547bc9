import Analytics
import ConsoleCore

/// The two top lines: breadcrumbs with alert count, clock and data age; then scope, day note or the stale banner.
enum HeaderView {
    /// Draws the header and status lines.
    static func draw(_ state: AppState, layout: DashboardLayout, into buffer: inout CellBuffer, context: ScreenContext) {
        let headerStyle = CellStyle(.header)
        let right = rightSide(state, context)
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let leftRect = Rect(x: 0, y: layout.header.y, width: max(0, layout.header.width - rightWidth), height: 1)
        StyledLine(breadcrumbs(state, context, width: leftRect.width), fillStyle: headerStyle, glyphs: context.glyphs)
            .render(leftRect, into: &buffer)
        StyledLine(right, alignment: .right, fillStyle: headerStyle, glyphs: context.glyphs)
            .render(Rect(x: leftRect.maxX, y: layout.header.y, width: rightWidth, height: 1), into: &buffer)
        StyledLine(statusLine(state, context), glyphs: context.glyphs).render(layout.status, into: &buffer)
    }

    /// "EduIOC │ Tỉnh … › Xã … › Trường …", leading crumbs giving way first when narrow.
    static func breadcrumbs(_ state: AppState, _ context: ScreenContext, width: Int) -> [Span] {
        let brand = [Span(" EduIOC ", role: .header, bold: true), Span(context.glyphs.vertical + " ", role: .header)]
        let brandWidth = brand.reduce(0) { $0 + DisplayWidth.of($1.text) }
        return brand + Breadcrumbs(crumbNames(state, context), glyphs: context.glyphs).spans(width: max(0, width - brandWidth))
    }

    private static func crumbNames(_ state: AppState, _ context: ScreenContext) -> [String] {
        if let path = state.report?.path, state.reportMatchesCurrent, !path.isEmpty { return path.map(\.name) }
        let root = state.report?.path.first?.name ?? context.t(.province)
        return [root] + state.stack.dropFirst().compactMap { $0.node?.name }
    }

    /// "⚠ 12 cảnh báo │ 14:05 │ dữ liệu 3 phút trước".
    static func rightSide(_ state: AppState, _ context: ScreenContext) -> [Span] {
        var spans: [Span] = []
        let alerts = state.report?.alerts.count ?? 0
        if alerts > 0 {
            spans.append(Span(" \(ConnectivityLook.warning(context.glyphs)) \(Formats.count(alerts, context.language)) \(context.t(.alertsCount)) ",
                              role: .crit, bold: true))
        }
        spans.append(Span(" " + Formats.clock(context.now, context.timeZone) + " ", role: .header, bold: true))
        if let published = state.report?.publishedAt {
            let role: StyleRole = state.problem != nil ? .stale : .header
            spans.append(Span(context.glyphs.vertical + " " + context.t(.dataAge) + " "
                              + Formats.age(from: published, to: context.now, context.language) + " ", role: role))
        }
        return spans
    }

    /// The second line: the stale banner when the snapshot is unusable, else scope, pause and day notes.
    static func statusLine(_ state: AppState, _ context: ScreenContext) -> [Span] {
        if let problem = state.problem {
            return [Span(" \(ConnectivityLook.warning(context.glyphs)) \(context.t(.staleSince)) "
                         + Formats.clock(problem.since, context.timeZone) + ": ", role: .banner, bold: true),
                    Span(problem.reason + " ", role: .banner)]
        }
        var spans = [Span(" " + Formats.longDate(context.now, context.timeZone, context.language) + " ", role: .dim)]
        if state.paused { spans.append(Span(" \(context.t(.paused)) ", role: .warn, bold: true)) }
        if let scope = state.scopeLabel { spans.append(Span(" \(context.t(.scope)): \(scope) ", role: .accent)) }
        if let figures = state.report?.figures, state.reportMatchesCurrent {
            if !figures.attendance.isAsOfSchoolDay {
                spans.append(Span(" \(context.t(.noSchoolToday)) \(Formats.shortDay(figures.attendance.day)) ", role: .warn))
            }
            if figures.node.level == .class { spans.append(Span(" " + context.t(.classPrivacyNote), role: .dim)) }
        }
        if state.loading { spans.append(Span(" " + context.t(.loading), role: .dim)) }
        if let message = state.message { spans.append(Span(" " + message, role: .warn, bold: true)) }
        return spans
    }
}
