/// A centred modal box (help, confirmations) drawn over whatever is below it.
public struct Overlay: Widget, Hashable, Sendable {
    /// The title in the top border.
    public var title: String
    /// The body, one line per row (each line a styled line).
    public var lines: [[Span]]
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Empty columns between the border and the text.
    public var padding: Int
    /// Creates an overlay.
    public init(title: String, lines: [[Span]], glyphs: Glyphs = .unicode, padding: Int = 1) {
        self.title = title
        self.lines = lines
        self.glyphs = glyphs
        self.padding = padding
    }

    /// The box the overlay occupies when centred in `area` (content size plus border, clamped to `area`).
    public func frame(in area: Rect) -> Rect {
        let contentWidth = max(DisplayWidth.of(title) + 2, lines.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0)
        return area.centered(width: contentWidth + 2 + 2 * padding, height: lines.count + 2)
    }

    /// Clears the box, draws the border with the title and the lines (cut if the area is too small).
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        let box = frame(in: area)
        guard box.width >= 2, box.height >= 2 else { return }
        buffer.clear(box)
        let inner = buffer.drawBox(box, glyphs: glyphs, style: CellStyle(.border, bold: true), title: title)
        let text = inner.inset(left: padding, right: padding)
        for (i, spans) in lines.prefix(text.height).enumerated() {
            StyledLine(spans, glyphs: glyphs).render(Rect(x: text.x, y: text.y + i, width: text.width, height: 1), into: &buffer)
        }
    }
}
