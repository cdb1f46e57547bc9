/// A horizontal bar showing a fraction (0…1) with block glyphs (eighths) or ASCII `#`, and an optional label.
public struct Gauge: Widget, Hashable, Sendable {
    /// The fraction to show; nil shows an unknown (empty) bar.
    public var fraction: Double?
    /// Text after the bar (e.g. "93.4%"); its width is reserved first.
    public var label: String?
    /// The semantic role the content is drawn in.
    public var role: StyleRole
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Creates a gauge.
    public init(fraction: Double?, label: String? = nil, role: StyleRole = .chart, glyphs: Glyphs = .unicode) {
        self.fraction = fraction
        self.label = label
        self.role = role
        self.glyphs = glyphs
    }

    /// The bar glyphs for `width` cells (exactly `width` columns).
    public func bar(width: Int) -> String {
        guard width > 0 else { return "" }
        guard let fraction, fraction.isFinite else { return String(repeating: glyphs.gaugeEmpty, count: width) }
        let f = min(1, max(0, fraction))
        let steps = glyphs.gaugeEighths.count + 1
        let total = Int((f * Double(width * steps)).rounded())
        let full = total / steps
        let part = total % steps
        var out = String(repeating: glyphs.gaugeFull, count: full)
        var used = full
        if part > 0, used < width {
            out += glyphs.gaugeEighths[part - 1]
            used += 1
        }
        out += String(repeating: glyphs.gaugeEmpty, count: width - used)
        return out
    }

    /// Draws the bar and label on the first row of `area`.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        var barWidth = area.width
        if let label, !label.isEmpty {
            let lw = DisplayWidth.of(label)
            if lw + 2 <= area.width {
                barWidth = area.width - lw - 1
                buffer.put(label, at: Point(x: area.x + barWidth + 1, y: area.y), style: CellStyle(role == .chart ? .normal : role))
            }
        }
        let full = bar(width: barWidth)
        let filled = fraction.map { Int((min(1, max(0, $0)) * Double(barWidth)).rounded(.up)) } ?? 0
        var x = area.x
        for (i, g) in full.enumerated() {
            let style = i < filled ? CellStyle(role) : CellStyle(.dim)
            x += buffer.put(grapheme: g, x: x, y: area.y, style: style)
        }
    }
}
