import ConsoleCore

/// Where each part of the dashboard goes for a terminal size. Pure: used by rendering and by mouse hit-testing.
public struct DashboardLayout: Sendable, Hashable {
    /// Title line: node, breadcrumbs, clock, data age, alert count.
    public let header: Rect
    /// Status line: scope, day note, or the stale-data banner.
    public let status: Rect
    /// The four panels: attendance, enrollment, devices, connectivity.
    public let attendance: Rect
    public let enrollment: Rect
    public let devices: Rect
    public let connectivity: Rect
    /// The children table, border included.
    public let table: Rect
    /// One line of the most severe alerts.
    public let alertStrip: Rect
    /// The key hints, or the open prompt.
    public let hints: Rect

    /// Lays the dashboard out in `size` (assumed at least `AppState.minimumSize`).
    public init(size: Size) {
        let w = size.columns, h = size.rows
        header = Rect(x: 0, y: 0, width: w, height: 1)
        status = Rect(x: 0, y: 1, width: w, height: 1)
        hints = Rect(x: 0, y: h - 1, width: w, height: 1)
        alertStrip = Rect(x: 0, y: h - 2, width: w, height: 1)
        let top = 2
        let panelsBottom: Int
        if w >= 160 {
            let panelHeight = h >= 40 ? 9 : 8
            let quarter = w / 4
            attendance = Rect(x: 0, y: top, width: quarter, height: panelHeight)
            enrollment = Rect(x: quarter, y: top, width: quarter, height: panelHeight)
            devices = Rect(x: 2 * quarter, y: top, width: quarter, height: panelHeight)
            connectivity = Rect(x: 3 * quarter, y: top, width: w - 3 * quarter, height: panelHeight)
            panelsBottom = top + panelHeight
        } else if h < 20 {
            // Small terminals: attendance and connectivity only, so the table keeps its rows.
            let half = w / 2
            attendance = Rect(x: 0, y: top, width: half, height: 4)
            connectivity = Rect(x: half, y: top, width: w - half, height: 4)
            enrollment = Rect(x: 0, y: top, width: 0, height: 0)
            devices = Rect(x: 0, y: top, width: 0, height: 0)
            panelsBottom = top + 4
        } else {
            // Compact panels below 30 rows (3 and 2 lines), so 80×24 shows 8 table rows.
            let upper = h >= 30 ? 6 : (h >= 22 ? 5 : 4)
            let lower = h >= 30 ? 6 : 4
            let half = w / 2
            attendance = Rect(x: 0, y: top, width: half, height: upper)
            enrollment = Rect(x: half, y: top, width: w - half, height: upper)
            devices = Rect(x: 0, y: top + upper, width: half, height: lower)
            connectivity = Rect(x: half, y: top + upper, width: w - half, height: lower)
            panelsBottom = top + upper + lower
        }
        table = Rect(x: 0, y: panelsBottom, width: w, height: max(0, h - 2 - panelsBottom))
    }

    /// The rows of the table body (inside the border, below the column header).
    public var tableBody: Rect { Rect(x: table.x + 1, y: table.y + 2, width: table.width - 2, height: table.height - 3) }

    /// How many data rows fit in the table.
    public var visibleRows: Int { max(1, tableBody.height) }
}
