import ConsoleCore

/// A centred, bordered box of lines with an optional highlighted line that scrolls into view.
enum OverlayBox {
    /// Draws `lines` in a `width`×`height` box centred in the frame; `selectedLines` lines from `selected` are
    /// highlighted and kept in view.
    static func draw(_ lines: [[Span]], title: String, width: Int, height: Int, selected: Int?, selectedLines: Int = 1,
                     into buffer: inout CellBuffer, context: ScreenContext) {
        let rect = Rect(x: max(0, (buffer.size.columns - width) / 2), y: max(0, (buffer.size.rows - height) / 2),
                        width: width, height: height)
        buffer.clear(rect)
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title)
        guard inner.height > 0 else { return }
        let first = selected.map { max(0, $0 + selectedLines - inner.height) } ?? 0
        for (row, index) in (first..<min(lines.count, first + inner.height)).enumerated() {
            let area = Rect(x: inner.x + 1, y: inner.y + row, width: inner.width - 1, height: 1)
            let highlighted = selected.map { (index >= $0) && index < $0 + selectedLines } ?? false
            let spans = highlighted ? lines[index].map { Span($0.text, style: CellStyle(.selected, bold: $0.style.bold)) } : lines[index]
            StyledLine(spans, fillStyle: highlighted ? CellStyle(.selected) : .plain, glyphs: context.glyphs)
                .render(area, into: &buffer)
        }
    }
}
