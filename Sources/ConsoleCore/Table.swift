/// A table: header row with an optional sort indicator, rows aligned per column (display-width exact,
/// so Vietnamese names line up), a highlighted selected row, and vertical scrolling that keeps the
/// selection visible.
public struct Table: Widget, Sendable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows: one cell per column each.
    public var rows: [[TableCell]]
    /// The highlighted row index, if any.
    public var selectedRow: Int?
    /// The first visible row from the previous frame; adjusted so the selection stays visible.
    public var scrollOffset: Int
    /// The sorted column, shown with ▲/▼ in the header.
    public var sort: TableSort?
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Columns between adjacent columns.
    public var columnSpacing: Int
    /// The style of the header row.
    public var headerStyle: CellStyle
    /// Creates a table.
    public init(columns: [TableColumn], rows: [[TableCell]], selectedRow: Int? = nil, scrollOffset: Int = 0,
                sort: TableSort? = nil, glyphs: Glyphs = .unicode, columnSpacing: Int = 1,
                headerStyle: CellStyle = CellStyle(.header, bold: true)) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.sort = sort
        self.glyphs = glyphs
        self.columnSpacing = columnSpacing
        self.headerStyle = headerStyle
    }

    /// The scroll offset that keeps `selected` visible in `visibleRows` rows, moving as little as possible.
    public static func scrollOffset(current: Int, selected: Int?, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var offset = min(max(0, current), max(0, rowCount - visibleRows))
        if let selected {
            let s = min(max(0, selected), rowCount - 1)
            if s < offset { offset = s }
            if s >= offset + visibleRows { offset = s - visibleRows + 1 }
        }
        return offset
    }

    /// Column positions within `width` columns: fixed first, then flexible by weight (at least their minimum);
    /// columns that do not fit at all get width 0.
    public func columnWidths(total width: Int) -> [Int] {
        let sizes: [LayoutSize] = columns.map {
            switch $0.width {
            case .fixed(let n): return .fixed(n)
            case .flexible(let w, _): return .weight(max(1, w))
            }
        }
        var widths = Layout.lengths(total: width, sizes, spacing: columnSpacing).map(\.length)
        // Give flexible columns their minimum, taken from flexible columns with room above theirs.
        func minimum(_ j: Int) -> Int? {
            if case .flexible(_, let m) = columns[j].width { return m } else { return nil }
        }
        for i in columns.indices {
            guard let m = minimum(i), widths[i] < m else { continue }
            var need = m - widths[i]
            let donors = columns.indices.filter { $0 != i && minimum($0) != nil }.sorted { widths[$0] - (minimum($0) ?? 0) > widths[$1] - (minimum($1) ?? 0) }
            for d in donors where need > 0 {
                let spare = widths[d] - (minimum(d) ?? 0)
                guard spare > 0 else { continue }
                let take = min(spare, need)
                widths[d] -= take
                widths[i] += take
                need -= take
            }
        }
        return widths
    }

    /// Draws into `area` and reports where things went (store `scrollOffset` for the next frame).
    @discardableResult
    public func draw(_ area: Rect, into buffer: inout CellBuffer) -> TableLayout {
        buffer.clear(area)
        let widths = columnWidths(total: area.width)
        var xs: [(x: Int, width: Int)] = []
        var x = area.x
        for w in widths {
            xs.append((x, w))
            x += w + columnSpacing
        }
        let columnX = xs.map(\.x)
        let header = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        let body = Rect(x: area.x, y: area.y + header.height, width: area.width, height: area.height - header.height)
        let offset = Table.scrollOffset(current: scrollOffset, selected: selectedRow, visibleRows: body.height, rowCount: rows.count)
        let result = TableLayout(header: header, body: body, scrollOffset: offset, visibleRows: body.height, columnX: columnX, columnWidths: widths)
        guard !area.isEmpty else { return result }

        buffer.clear(header, style: headerStyle)
        for (i, column) in columns.enumerated() where xs[i].width > 0 {
            var title = column.title
            if let sort, sort.column == i {
                title = Table.sortedTitle(title, arrow: sort.ascending ? glyphs.sortAscending : glyphs.sortDescending,
                                          width: xs[i].width, alignment: column.alignment, ellipsis: glyphs.ellipsis)
            }
            buffer.put(title, at: Point(x: xs[i].x, y: header.y), width: xs[i].width, alignment: column.alignment,
                       style: headerStyle, ellipsis: glyphs.ellipsis)
        }

        for line in 0..<body.height {
            let index = offset + line
            guard index < rows.count else { break }
            let y = body.y + line
            let selected = index == selectedRow
            let rowStyle = selected ? CellStyle(.selected) : CellStyle.plain
            buffer.clear(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
            for (i, column) in columns.enumerated() where xs[i].width > 0 {
                let cell = i < rows[index].count ? rows[index][i] : TableCell("")
                let style: CellStyle = selected
                    ? (cell.role == .normal ? CellStyle(.selected) : CellStyle(cell.role, bold: true, reverse: true))
                    : CellStyle(cell.role)
                var cx = xs[i].x
                var cw = xs[i].width
                if let status = cell.status, cw >= 3 {
                    let glyphStyle = selected ? CellStyle(status.role, bold: true, reverse: true) : CellStyle(status.role, bold: true)
                    buffer.put(status.glyph(glyphs), at: Point(x: cx, y: y), style: glyphStyle, maxWidth: 1)
                    cx += 2
                    cw -= 2
                }
                buffer.put(cell.text, at: Point(x: cx, y: y), width: cw, alignment: column.alignment,
                           style: style, ellipsis: glyphs.ellipsis)
            }
        }
        return result
    }

    /// A column title with its sort arrow, fitted to `width`: "Tên ▲", else "Tên▲", else a cut title and the
    /// arrow. The arrow always follows its own title, so it never reads as part of the next column.
    public static func sortedTitle(_ title: String, arrow: String, width: Int, alignment: TextAlignment, ellipsis: String) -> String {
        let tw = DisplayWidth.of(title), aw = DisplayWidth.of(arrow)
        if tw + aw + 1 <= width { return title + " " + arrow }
        if tw + aw <= width { return title + arrow }
        let room = width - aw
        guard room > 0 else { return arrow }
        return DisplayText.truncate(title, to: room, ellipsis: ellipsis) + arrow
    }

    /// Draws into `area`.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        draw(area, into: &buffer)
    }
}
