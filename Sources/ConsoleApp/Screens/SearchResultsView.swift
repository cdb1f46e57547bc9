import ReportModel
import ConsoleCore

/// The results of `/` search or `:` completion, in the table's place while the prompt is open: each hit's kind,
/// name, code and where it lies, best first; the chosen one highlighted (Enter goes there).
enum SearchResultsView {
    /// Whether the results replace the table: a prompt with text is open and the index is loaded.
    static func isShown(_ state: AppState) -> Bool {
        guard let prompt = state.prompt, state.searchIndex != nil else { return false }
        switch prompt {
        case .filter: return !SearchKey.fold(state.filterText).isEmpty
        case .jump: return !SearchKey.fold(JumpQuery(state.promptText).argument).isEmpty
        }
    }

    /// Draws the bordered list in `rect`.
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        let hits = state.searchHits
        let keys = state.prompt == .jump ? context.t(.jumpKeys) : context.t(.searchKeys)
        let count = hits.count >= AppState.searchLimit ? "\(Formats.count(hits.count, context.language))+" : Formats.count(hits.count, context.language)
        let title = "\(context.t(.searchTitle)): \(count) \(context.t(.resultsWord)) · \(keys)"
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title)
        guard inner.width > 0, inner.height > 0 else { return }
        guard !hits.isEmpty else {
            buffer.put(context.t(.noMatch), at: Point(x: inner.x + 1, y: inner.y + inner.height / 2), width: inner.width - 2,
                       alignment: .center, style: CellStyle(.warn))
            return
        }
        let wide = inner.width >= 90
        var columns = [TableColumn("", width: .fixed(context.language == .vi ? 6 : 6)),
                       TableColumn(context.t(.columnName), width: .flexible(weight: 3, minimum: 16))]
        if wide { columns.append(TableColumn(context.t(.code), width: .fixed(13))) }
        columns.append(TableColumn(context.t(.columnPath), width: .flexible(weight: 2, minimum: 8)))
        let separator = context.glyphs.isUnicode ? " › " : " > "
        let rows: [[TableCell]] = hits.map { hit in
            let where_ = hit.path.count > 1 ? hit.path.dropFirst() : hit.path[...]
            var row = [TableCell(kind(hit.node.level, context), role: .dim), TableCell(hit.node.name)]
            if wide { row.append(TableCell(hit.node.code, role: .dim)) }
            row.append(TableCell(where_.map(\.name).joined(separator: separator), role: .dim))
            return row
        }
        Table(columns: columns, rows: rows, selectedRow: state.searchSelected,
              scrollOffset: max(0, state.searchSelected - (inner.height - 2)), glyphs: context.glyphs)
            .draw(inner, into: &buffer)
    }

    private static func kind(_ level: NodeLevel, _ context: ScreenContext) -> String {
        switch level {
        case .province, .unit: return context.t(.kindUnit)
        case .school: return context.t(.kindSchool)
        case .class: return context.t(.kindClass)
        }
    }
}
