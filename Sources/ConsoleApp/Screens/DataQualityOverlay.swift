import ReportModel
import ConsoleCore

/// The `d` overlay: the schools whose attendance rows are left out of the figures, with reason and count; Enter goes
/// to the selected school, `e` exports the list.
enum DataQualityOverlay {
    /// Draws the list (`report` nil while it is being checked) with `selected` highlighted.
    static func draw(_ report: DataQualityReport?, selected: Int, into buffer: inout CellBuffer, context: ScreenContext) {
        let language = context.language
        var lines: [[Span]]
        var title = DataQualityText.title(language)
        if let report {
            lines = report.entries.map { e in
                let name = e.school.map { "\($0.name) (\($0.code))" } ?? DataQualityText.unknownSchool(e.schoolID, language)
                return [Span(ConnectivityLook.warning(context.glyphs) + " ", role: .warn),
                        Span(name + ": ", role: .normal, bold: true),
                        Span("\(Formats.count(e.rows, language)) \(DataQualityText.rows(language)) · ", role: .warn),
                        Span(DataQualityText.reason(e.problem, language), role: .normal),
                        Span(" · \(e.firstDay)…\(e.lastDay)", role: .dim)]
            }
            lines += report.duplicateCodes.map { [Span(DataQualityText.duplicateCode($0, language), role: .warn)] }
            if lines.isEmpty { lines = [[Span(DataQualityText.clean(language), role: .ok)]] }
            title += ": \(Formats.count(report.rowsLeftOut, language)) \(DataQualityText.rows(language)) · Enter · e · Esc"
            lines.append([Span(DataQualityText.scopeNote(days: report.days.count, language: language), role: .dim)])
        } else {
            lines = [[Span(DataQualityText.checking(language), role: .dim)]]
        }
        let width = max(20, buffer.size.columns - 8)
        let height = min(buffer.size.rows - 4, lines.count + 2)
        let selectable = !(report?.entries.isEmpty ?? true)
        OverlayBox.draw(lines, title: title, width: width, height: height, selected: selectable ? selected : nil,
                        into: &buffer, context: context)
    }
}
