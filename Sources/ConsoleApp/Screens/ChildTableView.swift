import ReportModel
import ConsoleCore

/// The children table: units, schools or classes with the key figure of each family per row.
enum ChildTableView {
    /// Draws the bordered table in `rect`.
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        if SearchResultsView.isShown(state) {
            SearchResultsView.draw(state, in: rect, into: &buffer, context: context)
            return
        }
        if state.reportMatchesCurrent, let figures = state.report?.figures, figures.node.level == .class {
            drawClassTrend(figures, in: rect, into: &buffer, context: context)
            return
        }
        let table = state.table
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title(state, table, context))
        guard inner.width > 0, inner.height > 0 else { return }
        guard !table.rows.isEmpty else {
            let text = state.filterText.isEmpty ? context.t(state.reportMatchesCurrent ? .noRows : .loading) : context.t(.noMatch)
            buffer.put(text, at: Point(x: inner.x + 1, y: inner.y + inner.height / 2), width: inner.width - 2,
                       alignment: .center, style: CellStyle(.dim))
            return
        }
        var columns = table.columns.map { column($0, context) }
        // On wide screens an empty column takes half the spare width, so the figures stay near the names.
        if inner.width >= ChildColumn.wideScreenColumns { columns.append(TableColumn("", width: .flexible(weight: 1, minimum: 0))) }
        let rows = table.rows.map { figures in
            table.columns.map { column in
                let shown = cell(column, figures, context)
                guard state.isHighlighted(code: figures.node.code, column: column) else { return shown }
                return TableCell(shown.text, role: .changed, status: shown.status)
            }
        }
        let sortIndex = table.columns.firstIndex(of: table.shownSortColumn(state.sort))
        Table(columns: columns, rows: rows, selectedRow: state.current.selectedRow, scrollOffset: state.current.scrollOffset,
              sort: sortIndex.map { TableSort(column: $0, ascending: !state.sort.descending) }, glyphs: context.glyphs)
            .draw(inner, into: &buffer)
    }

    /// A class has no children to list: show its recent school days instead (class totals only).
    private static func drawClassTrend(_ figures: NodeFigures, in rect: Rect, into buffer: inout CellBuffer,
                                       context: ScreenContext) {
        let title = "\(context.t(.trend30)) · \(figures.node.name)"
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title)
        guard inner.width > 0, inner.height > 0 else { return }
        let lang = context.language
        let columns = [TableColumn(context.t(.columnDay), width: .fixed(7)),
                       TableColumn(context.t(.columnRate), width: .fixed(8), alignment: .right),
                       TableColumn(context.t(.columnCompleteness), width: .fixed(7), alignment: .right),
                       TableColumn("", width: .flexible(weight: 1, minimum: 4))]
        let rows: [[TableCell]] = figures.attendance.trend.reversed().map { day in
            [TableCell(Formats.shortDay(day.day)),
             TableCell(Formats.percent(day.rate, lang), role: context.attendanceBands.role(day.rate)),
             TableCell(Formats.percent(day.completeness, digits: 0, lang), role: context.completenessBands.role(day.completeness)),
             TableCell(Gauge(fraction: day.rate, glyphs: context.glyphs).bar(width: 20), role: context.attendanceBands.role(day.rate))]
        }
        Table(columns: columns, rows: rows, glyphs: context.glyphs).draw(inner, into: &buffer)
    }

    private static func title(_ state: AppState, _ table: ChildTable, _ context: ScreenContext) -> String {
        let kind: String
        switch table.level {
        case .province, .unit: kind = context.t(.adminUnits)
        case .school: kind = context.t(.columnSchools)
        case .class: kind = context.t(.columnClasses)
        }
        guard state.reportMatchesCurrent else { return context.t(.loading) }
        let total = state.report?.children.count ?? 0
        var text = "\(kind) (\(table.rows.count == total ? "\(total)" : "\(table.rows.count)/\(total)"))"
        if !state.filterText.isEmpty { text += " · / \(state.filterText)" }
        return text
    }

    private static func column(_ column: ChildColumn, _ context: ScreenContext) -> TableColumn {
        let title = column.title(context.language)
        switch column {
        case .name: return TableColumn(title, width: .flexible(weight: 1, minimum: 16))
        case .code, .network: return TableColumn(title, width: .fixed(column.fixedWidth(context.language)))
        default: return TableColumn(title, width: .fixed(column.fixedWidth(context.language)), alignment: .right)
        }
    }

    /// One cell of a child's row, as the table shows it (the wall's ranking shows the same cells).
    static func cell(_ column: ChildColumn, _ figures: NodeFigures, _ context: ScreenContext) -> TableCell {
        let lang = context.language
        switch column {
        case .name: return TableCell(figures.node.name)
        case .code: return TableCell(figures.node.code, role: .dim)
        case .schools: return TableCell(Formats.count(figures.attendance.schoolsTotal, lang))
        case .students: return TableCell(Formats.count(figures.enrollment.enrolled, lang))
        case .rate:
            let rate = figures.attendance.rate
            return TableCell(Formats.percent(rate, lang), role: context.attendanceBands.role(rate))
        case .completeness:
            let value = figures.attendance.completeness
            return TableCell(Formats.percent(value, digits: 0, lang), role: context.completenessBands.role(value))
        case .learnersPerComputer:
            return TableCell(Formats.decimal(figures.devices.learnersPerComputer, digits: 1, lang))
        case .unreported:
            let count = figures.attendance.unreported
            return TableCell(Formats.count(count, lang), role: count > 0 ? .unknown : .normal)
        case .teachers: return TableCell(Formats.count(figures.enrollment.teachers, lang))
        case .computersWorking: return TableCell(Formats.count(figures.devices.computersWorking, lang))
        case .network:
            let c = figures.connectivity
            if let own = c.status {
                return TableCell(ConnectivityLook.label(own, lang), role: ConnectivityLook.role(own),
                                 status: ConnectivityLook.status(own))
            }
            // Units: the problem categories with their glyphs, worst first ("✕2 ?1 ◐1"), or all good.
            let problems: [(ConnectivityStatus, Int)] = [(.offline, c.offline), (.unknown, c.unknown), (.moderate, c.moderate)]
                .filter { $0.1 > 0 }
            guard let worst = problems.first?.0 else {
                // A unit without schools has no connectivity to judge: a dash, not a green "0".
                guard c.good > 0 else { return TableCell("–", role: .dim) }
                return TableCell(Formats.count(c.good, lang), role: .ok, status: .good)
            }
            let rest = problems.dropFirst().map { ConnectivityLook.glyph($0.0, context.glyphs) + Formats.count($0.1, lang) }
            let text = ([Formats.count(problems[0].1, lang)] + rest).joined(separator: " ")
            return TableCell(text, role: ConnectivityLook.role(worst), status: ConnectivityLook.status(worst))
        }
    }
}
