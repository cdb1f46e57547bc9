/// Labels on the left, values aligned in a column (right-aligned by default), one item per row.
public struct KeyValueList: Widget, Hashable, Sendable {
    /// The rows, top first.
    public var items: [KeyValueItem]
    /// How values align in their column.
    public var valueAlignment: TextAlignment
    /// The style of the labels.
    public var keyStyle: CellStyle
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Creates a list.
    public init(_ items: [KeyValueItem], valueAlignment: TextAlignment = .right,
                keyStyle: CellStyle = CellStyle(.dim), glyphs: Glyphs = .unicode) {
        self.items = items
        self.valueAlignment = valueAlignment
        self.keyStyle = keyStyle
        self.glyphs = glyphs
    }

    /// Draws as many items as fit; values keep their width first, keys are cut with an ellipsis.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0 else { return }
        let valueWidth = min(area.width, items.map { DisplayWidth.of($0.value) + ($0.status == nil ? 0 : 2) }.max() ?? 0)
        let keyWidth = max(0, area.width - valueWidth - 1)
        for (i, item) in items.prefix(area.height).enumerated() {
            let y = area.y + i
            buffer.clear(Rect(x: area.x, y: y, width: area.width, height: 1))
            if keyWidth > 0 {
                buffer.put(item.key, at: Point(x: area.x, y: y), width: keyWidth, style: keyStyle, ellipsis: glyphs.ellipsis)
            }
            var value = item.value
            var vx = area.maxX - valueWidth
            if let status = item.status {
                buffer.put(status.glyph(glyphs), at: Point(x: vx, y: y), style: CellStyle(status.role, bold: true), maxWidth: 1)
                vx += 2
                value = DisplayText.truncate(value, to: valueWidth - 2, ellipsis: glyphs.ellipsis)
            }
            buffer.put(value, at: Point(x: vx, y: y), width: area.maxX - vx, alignment: valueAlignment,
                       style: CellStyle(item.role), ellipsis: glyphs.ellipsis)
        }
    }
}
