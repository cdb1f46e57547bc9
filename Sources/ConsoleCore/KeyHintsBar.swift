/// The key-hints bar: "q quit  / filter  ? help", dropping whole hints from the end when space runs out.
public struct KeyHintsBar: Widget, Hashable, Sendable {
    /// One hint: the key as shown and what it does.
    public struct Hint: Hashable, Sendable {
        /// The key label, e.g. "q" or "Enter".
        public var key: String
        /// What the key does.
        public var label: String
        /// Creates a hint.
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }
    /// The hints, most important first.
    public var hints: [Hint]
    /// Columns between hints.
    public var spacing: Int
    /// Creates a hints bar.
    public init(_ hints: [Hint], spacing: Int = 2) {
        self.hints = hints
        self.spacing = spacing
    }

    /// The spans of the hints that fit in `width` columns.
    public func spans(width: Int) -> [Span] {
        var spans: [Span] = []
        var used = 0
        for (i, hint) in hints.enumerated() {
            let gap = i == 0 ? 0 : spacing
            let w = gap + DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
            guard used + w <= width else { break }
            if gap > 0 { spans.append(Span(String(repeating: " ", count: gap), role: .hint)) }
            spans.append(Span(hint.key, role: .key, bold: true))
            spans.append(Span(" " + hint.label, role: .hint))
            used += w
        }
        return spans
    }

    /// Draws on the first row of `area`.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        StyledLine(spans(width: area.width), fillStyle: CellStyle(.hint)).render(area, into: &buffer)
    }
}
