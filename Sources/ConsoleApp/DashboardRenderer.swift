import ReportModel
import ConsoleCore

/// Renders the whole screen from state: a pure function, testable without a terminal.
public enum DashboardRenderer {
    /// The frame for `state` on a terminal with `capabilities`.
    public static func render(_ state: AppState, capabilities: TerminalCapabilities) -> CellBuffer {
        var buffer = CellBuffer(size: state.size)
        let context = ScreenContext(state: state, capabilities: capabilities)
        if state.isTooSmall {
            TooSmallView.draw(state, into: &buffer, context: context)
            return buffer
        }
        if state.wall != nil {
            WallRenderer.draw(state, into: &buffer, context: context)
        } else {
            let layout = DashboardLayout(size: state.size)
            HeaderView.draw(state, layout: layout, into: &buffer, context: context)
            drawPanels(state, layout: layout, into: &buffer, context: context)
            ChildTableView.draw(state, in: layout.table, into: &buffer, context: context)
            FooterView.draw(state, layout: layout, into: &buffer, context: context)
        }
        switch state.overlay {
        case .help: HelpOverlay.draw(scroll: state.helpScroll, into: &buffer, context: context)
        case .alerts(let selected):
            AlertsOverlay.draw(state.sortedAlerts, selected: selected, into: &buffer, context: context)
        case .dataQuality(let selected):
            DataQualityOverlay.draw(state.dataQuality, selected: selected, into: &buffer, context: context)
        case nil: break
        }
        return buffer
    }

    private static func drawPanels(_ state: AppState, layout: DashboardLayout, into buffer: inout CellBuffer,
                                   context: ScreenContext) {
        let figures = state.report?.figures
        func panel(_ title: String, _ rect: Rect, _ lines: (NodeFigures) -> [[Span]]) {
            guard rect.width > 0, rect.height > 0 else { return }
            let body = figures.map(lines) ?? [[Span(context.t(.loading), role: .dim)]]
            PanelFrame.draw(body, title: title, in: rect, into: &buffer, context: context)
        }
        let attendanceTitle = figures.map { AttendancePanel.title($0.attendance, context) } ?? context.t(.attendance)
        panel(attendanceTitle, layout.attendance) { AttendancePanel.lines($0, width: layout.attendance.width - 3, context) }
        panel(context.t(.enrollment), layout.enrollment) { EnrollmentPanel.lines($0, context) }
        panel(context.t(.devices), layout.devices) { DevicesPanel.lines($0, context) }
        panel(context.t(.connectivity), layout.connectivity) { ConnectivityPanel.lines($0, context) }
    }
}
