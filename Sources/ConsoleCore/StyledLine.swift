/// One line of styled spans (headers, breadcrumbs, the key-hints bar), cut with an ellipsis when too long.
public struct StyledLine: Widget, Hashable, Sendable {
    /// The spans, left to right.
    public var spans: [Span]
    /// Horizontal alignment within the area.
    public var alignment: TextAlignment
    /// The style of the padding around the text.
    public var fillStyle: CellStyle
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Creates a line.
    public init(_ spans: [Span], alignment: TextAlignment = .left, fillStyle: CellStyle = .plain, glyphs: Glyphs = .unicode) {
        self.spans = spans
        self.alignment = alignment
        self.fillStyle = fillStyle
        self.glyphs = glyphs
    }
    /// The columns the whole line needs.
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// Draws the line on the first row of `area`.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: fillStyle)
        let total = width
        var x = area.x
        if total < area.width {
            switch alignment {
            case .left: break
            case .right: x += area.width - total
            case .center: x += (area.width - total) / 2
            }
        }
        let ellipsisWidth = DisplayWidth.of(glyphs.ellipsis)
        let budget = total > area.width ? area.width - ellipsisWidth : area.width
        var used = 0
        for span in spans {
            let w = DisplayWidth.of(span.text)
            if used + w <= budget {
                x += buffer.put(span.text, at: Point(x: x, y: area.y), style: span.style, maxWidth: w)
                used += w
                continue
            }
            let part = DisplayText.prefix(span.text, columns: max(0, budget - used))
            x += buffer.put(part + glyphs.ellipsis, at: Point(x: x, y: area.y), style: span.style, maxWidth: area.maxX - x)
            break
        }
    }
}
