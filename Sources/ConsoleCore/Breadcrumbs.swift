/// A navigation path "Hải Dương › Xã An Phú › THCS Nguyễn Trãi"; when too long, leading parts give way to
/// an ellipsis so the current (last) node stays visible.
public struct Breadcrumbs: Widget, Hashable, Sendable {
    /// The path from the root to the current node.
    public var parts: [String]
    /// The glyph set (separator › or >, ellipsis … or ~).
    public var glyphs: Glyphs
    /// Creates breadcrumbs.
    public init(_ parts: [String], glyphs: Glyphs = .unicode) {
        self.parts = parts
        self.glyphs = glyphs
    }

    /// The separator between parts.
    public var separator: String { glyphs.isUnicode ? " › " : " > " }

    /// The spans that fit in `width`: leading parts replaced by an ellipsis, the last part cut only if alone.
    public func spans(width: Int) -> [Span] {
        guard let last = parts.last, width > 0 else { return [] }
        var first = 0
        func total(from start: Int) -> Int {
            let shown = parts[start...]
            let body = shown.reduce(0) { $0 + DisplayWidth.of($1) } + DisplayWidth.of(separator) * (shown.count - 1)
            return body + (start > 0 ? DisplayWidth.of(glyphs.ellipsis + separator) : 0)
        }
        while first < parts.count - 1 && total(from: first) > width { first += 1 }
        var spans: [Span] = []
        if first > 0 { spans += [Span(glyphs.ellipsis, role: .dim), Span(separator, role: .dim)] }
        for part in parts[first..<(parts.count - 1)] {
            spans += [Span(part, role: .header), Span(separator, role: .dim)]
        }
        spans.append(Span(last, role: .title, bold: true))
        return spans
    }

    /// Draws on the first row of `area`.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        StyledLine(spans(width: area.width), glyphs: glyphs).render(area, into: &buffer)
    }
}
