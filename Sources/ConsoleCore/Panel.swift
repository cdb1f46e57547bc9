/// A bordered box with a title; content goes in `inner(_:)`.
public struct Panel: Widget, Hashable, Sendable {
    /// The title in the top border, if any.
    public var title: String?
    /// The style of the border.
    public var borderStyle: CellStyle
    /// The style of the title.
    public var titleStyle: CellStyle
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Creates a panel.
    public init(title: String? = nil, borderStyle: CellStyle = CellStyle(.border),
                titleStyle: CellStyle = CellStyle(.title, bold: true), glyphs: Glyphs = .unicode) {
        self.title = title
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }
    /// The content area inside the border of `area`.
    public func inner(_ area: Rect) -> Rect { area.width >= 2 && area.height >= 2 ? area.inset(by: 1) : Rect(x: area.x, y: area.y, width: 0, height: 0) }

    /// Clears `area` and draws the border and title.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        buffer.clear(area)
        buffer.drawBox(area, glyphs: glyphs, style: borderStyle, title: title, titleStyle: titleStyle)
    }
}
