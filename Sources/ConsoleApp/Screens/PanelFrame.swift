import ConsoleCore

/// Draws a titled panel and as many of its lines as fit, most important first.
enum PanelFrame {
    /// Draws the box titled `title` in `rect` and writes `lines` inside it.
    static func draw(_ lines: [[Span]], title: String, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {
        let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title)
        guard inner.width > 0 else { return }
        for (index, line) in lines.prefix(inner.height).enumerated() {
            StyledLine(line, glyphs: context.glyphs)
                .render(Rect(x: inner.x + 1, y: inner.y + index, width: inner.width - 1, height: 1), into: &buffer)
        }
    }
}
