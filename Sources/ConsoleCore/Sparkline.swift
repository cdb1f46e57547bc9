/// A one-row chart of recent values with ▁▂▃▄▅▆▇█ (ASCII fallback); missing values show as a gap.
public struct Sparkline: Widget, Hashable, Sendable {
    /// Values oldest first; nil is a gap (no data).
    public var values: [Double?]
    /// The value drawn as the lowest bar; nil uses the smallest value.
    public var minimum: Double?
    /// The value drawn as the highest bar; nil uses the largest value.
    public var maximum: Double?
    /// The semantic role the content is drawn in.
    public var role: StyleRole
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Creates a sparkline.
    public init(_ values: [Double?], minimum: Double? = nil, maximum: Double? = nil, role: StyleRole = .chart, glyphs: Glyphs = .unicode) {
        self.values = values
        self.minimum = minimum
        self.maximum = maximum
        self.role = role
        self.glyphs = glyphs
    }

    /// The glyphs for the last `width` values, right-aligned (padded with spaces on the left).
    public func glyphString(width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        let present = shown.compactMap { $0 }.filter(\.isFinite)
        let lo = minimum ?? present.min() ?? 0
        let hi = maximum ?? present.max() ?? 1
        let levels = glyphs.sparkLevels
        var out = String(repeating: " ", count: width - shown.count)
        for value in shown {
            guard let value, value.isFinite else { out += glyphs.sparkGap; continue }
            let t: Double = hi > lo ? (min(hi, max(lo, value)) - lo) / (hi - lo) : 1
            let i = min(levels.count - 1, max(0, Int((t * Double(levels.count - 1)).rounded())))
            out += levels[i]
        }
        return out
    }

    /// Draws on the first row of `area`.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        let text = glyphString(width: area.width)
        let padding = max(0, area.width - values.count)
        var x = area.x
        for (i, g) in text.enumerated() {
            let style = i < padding ? CellStyle.plain : (String(g) == glyphs.sparkGap ? CellStyle(.dim) : CellStyle(role))
            x += buffer.put(grapheme: g, x: x, y: area.y, style: style)
        }
    }
}
