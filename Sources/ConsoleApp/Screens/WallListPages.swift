import ReportModel
import ConsoleCore
import Foundation

/// The wall's list pages: the children ranked worst first, the schools not yet reported, the offline schools.
enum WallListPages {
    /// Children worst attendance first (nothing reported counts as worst), then least complete; changed cells
    /// highlighted for a few seconds.
    static func drawRanking(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        let lang = context.language
        let children = state.reportMatchesCurrent ? (state.report?.children ?? []) : []
        let ranked = children.sorted { a, b in
            let ra = a.attendance.rate ?? -1, rb = b.attendance.rate ?? -1
            if ra != rb { return ra < rb }
            let ca = a.attendance.completeness ?? -1, cb = b.attendance.completeness ?? -1
            if ca != cb { return ca < cb }
            return a.node.name < b.node.name
        }
        // Below 100 columns the two count columns give way, so the names keep their room.
        let wide = rect.width >= 100
        var columns = [TableColumn("#", width: .fixed(4), alignment: .right),
                       TableColumn(context.t(.columnName), width: .flexible(weight: 1, minimum: 16)),
                       TableColumn(context.t(.columnRate), width: .fixed(8), alignment: .right),
                       TableColumn(context.t(.columnCompleteness), width: .fixed(7), alignment: .right)]
        if wide {
            columns += [TableColumn(context.t(.columnUnreported), width: .fixed(15), alignment: .right),
                        TableColumn(WallText.columnSchoolsReporting.in(lang), width: .fixed(13), alignment: .right)]
        }
        columns.append(TableColumn(context.t(.columnNet), width: .fixed(14)))
        let rows: [[TableCell]] = ranked.enumerated().map { index, f in
            let a = f.attendance, code = f.node.code
            func cell(_ column: ChildColumn) -> TableCell {
                let cell = ChildTableView.cell(column, f, context)
                return state.isHighlighted(code: code, column: column) ? TableCell(cell.text, role: .changed, status: cell.status) : cell
            }
            let counts = [cell(.unreported), TableCell("\(Formats.count(a.schoolsReporting, lang))/\(Formats.count(a.schoolsTotal, lang))")]
            return [TableCell("\(index + 1)", role: .dim), TableCell(f.node.name), cell(.rate), cell(.completeness)]
                + (wide ? counts : []) + [cell(.network)]
        }
        drawList(title: "\(WallText.pageRanking.in(lang)) (\(Formats.count(ranked.count, lang)))", total: ranked.count, columns: columns, rows: rows,
                 empty: context.t(state.reportMatchesCurrent ? .noRows : .loading), emptyRole: .dim,
                 in: rect, into: &buffer, context: context)
    }

    /// The schools not reporting yet, least complete first, with where they are and how far they got.
    static func drawNotReported(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        let lang = context.language
        let list = state.reportMatchesCurrent ? (state.report?.schoolsNotReporting ?? []) : []
        let a = state.report?.figures.attendance
        let missing = a.map { max(0, $0.schoolsTotal - $0.schoolsReporting) } ?? 0
        let columns = [TableColumn("#", width: .fixed(4), alignment: .right),
                       TableColumn(context.t(.columnName), width: .flexible(weight: 2, minimum: 16)),
                       TableColumn(WallText.columnPlace.in(lang), width: .flexible(weight: 1, minimum: 10)),
                       TableColumn(WallText.columnReported.in(lang), width: .fixed(15), alignment: .right),
                       TableColumn(context.t(.columnCompleteness), width: .fixed(7), alignment: .right)]
        let rows: [[TableCell]] = list.enumerated().map { index, entry in
            [TableCell("\(index + 1)", role: .dim), TableCell(entry.school.name), TableCell(entry.place ?? "", role: .dim),
             TableCell("\(Formats.count(entry.reported, lang))/\(Formats.count(entry.enrolled, lang))"),
             TableCell(Formats.percent(entry.completeness, digits: 0, lang), role: context.completenessBands.role(entry.completeness))]
        }
        let title = "\(WallText.pageNotReported.in(lang)): \(Formats.count(missing, lang))/"
            + Formats.count(a?.schoolsTotal ?? 0, lang) + " " + WallText.ofSchools.in(lang)
        // Nothing listed: all reported, or (a unit) only schools without pupils are missing, or (a school or class
        // on the wall) there is no list of schools at this level.
        let unit = state.report.map { $0.figures.node.level == .province || $0.figures.node.level == .unit } ?? true
        drawList(title: title, total: max(missing, list.count), columns: columns, rows: rows,
                 empty: (missing == 0 ? WallText.allReported : unit ? WallText.noPupils : WallText.listedAtUnits).in(lang),
                 emptyRole: missing == 0 ? .ok : .dim, in: rect, into: &buffer, context: context)
    }

    /// The offline schools, longest outage first, with since-when and for how long.
    static func drawOffline(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        let lang = context.language
        let outages = state.reportMatchesCurrent ? (state.report?.figures.connectivity.offlineSchools ?? []) : []
        let columns = [TableColumn("#", width: .fixed(4), alignment: .right),
                       TableColumn(context.t(.columnName), width: .flexible(weight: 2, minimum: 16)),
                       TableColumn(WallText.columnPlace.in(lang), width: .flexible(weight: 1, minimum: 10)),
                       TableColumn(WallText.columnSince.in(lang), width: .fixed(12), alignment: .right),
                       TableColumn(WallText.columnFor.in(lang), width: .fixed(16), alignment: .right)]
        let rows: [[TableCell]] = outages.enumerated().map { index, outage in
            let place = context.searchIndex?.entry(code: outage.school.code)?.path.last(where: { $0.level == .unit })?.name
            var since = "–", lasting = "–"
            if let start = outage.since {
                let sameDay = Formats.shortDay(dayText(start, context)) == Formats.shortDay(dayText(context.asOf, context))
                since = (sameDay ? "" : Formats.shortDay(dayText(start, context)) + " ") + Formats.clock(start, context.timeZone)
                lasting = Formats.duration(minutes: max(0, Int(context.asOf.timeIntervalSince(start) / 60)), lang)
            }
            return [TableCell("\(index + 1)", role: .dim),
                    TableCell(outage.school.name, role: .crit, status: .offline), TableCell(place ?? "", role: .dim),
                    TableCell(since), TableCell(lasting, role: .crit)]
        }
        drawList(title: "\(WallText.pageOffline.in(lang)) (\(Formats.count(outages.count, lang)))", total: outages.count, columns: columns, rows: rows,
                 empty: WallText.noneOffline.in(lang), emptyRole: .ok, in: rect, into: &buffer, context: context)
    }

    /// A boxed table titled `title` ("· + N nữa" when rows do not fit), or the empty note centred.
    static func drawList(title: String, total: Int, columns: [TableColumn], rows: [[TableCell]], empty: String,
                         emptyRole: StyleRole, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        guard rect.height >= 3 else { return }
        let fits = max(0, rect.height - 3)
        let shown = min(fits, rows.count)
        let more = total - shown
        let heading = more > 0 ? "\(title) · + \(Formats.count(more, context.language)) \(WallText.moreRows.in(context.language))"
            : title
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: heading)
        guard inner.width > 0, inner.height > 0 else { return }
        guard !rows.isEmpty else {
            buffer.put(empty, at: Point(x: inner.x + 1, y: inner.y + inner.height / 2), width: inner.width - 2,
                       alignment: .center, style: CellStyle(emptyRole, bold: true))
            return
        }
        Table(columns: columns, rows: Array(rows.prefix(shown)), glyphs: context.glyphs).draw(inner, into: &buffer)
    }

    private static func dayText(_ date: Date, _ context: ScreenContext) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0)
    }
}
