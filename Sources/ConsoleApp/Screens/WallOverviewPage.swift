import ReportModel
import ConsoleCore

/// The wall's first page: the four families as in the console's panels, and the check-in curve below them.
enum WallOverviewPage {
    /// Draws the page in `rect`.
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        guard rect.height >= 3, let figures = state.report?.figures, state.reportMatchesCurrent else { return }
        let wide = rect.width >= 160
        let curveHeight = WallCheckInChart.height(state, available: rect.height, panels: wide ? 10 : 12)
        let panelRows = rect.height - curveHeight
        let panelHeight = wide ? min(panelRows, 10) : min(panelRows / 2, 8)
        let rects: [Rect]
        if wide {
            let quarter = rect.width / 4
            rects = (0..<4).map { i in
                Rect(x: rect.x + i * quarter, y: rect.y, width: i == 3 ? rect.width - 3 * quarter : quarter, height: panelHeight)
            }
        } else {
            let half = rect.width / 2
            rects = (0..<4).map { i in
                Rect(x: rect.x + (i % 2) * half, y: rect.y + (i / 2) * panelHeight,
                     width: i % 2 == 1 ? rect.width - half : half, height: panelHeight)
            }
        }
        let attendanceTitle = AttendancePanel.title(figures.attendance, context)
        PanelFrame.draw(AttendancePanel.lines(figures, width: rects[0].width - 3, context), title: attendanceTitle,
                        in: rects[0], into: &buffer, context: context)
        PanelFrame.draw(EnrollmentPanel.lines(figures, context), title: context.t(.enrollment), in: rects[1],
                        into: &buffer, context: context)
        PanelFrame.draw(DevicesPanel.lines(figures, context), title: context.t(.devices), in: rects[2],
                        into: &buffer, context: context)
        PanelFrame.draw(ConnectivityPanel.lines(figures, context), title: context.t(.connectivity), in: rects[3],
                        into: &buffer, context: context)
        let used = (rects.map(\.maxY).max() ?? rect.y) - rect.y
        let curve = Rect(x: rect.x, y: rect.y + used, width: rect.width, height: rect.height - used)
        WallCheckInChart.draw(state, in: curve, into: &buffer, context: context)
    }
}
