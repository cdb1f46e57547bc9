/// A status shown by shape as well as colour: good ●, moderate ◐, offline ✕, unknown ? (ASCII: o = x ?, none of
/// them a border, ellipsis or sparkline character).
public enum StatusGlyph: String, Hashable, Sendable, CaseIterable {
    case good, moderate, offline, unknown

    /// The glyph in `glyphs`' character set.
    public func glyph(_ glyphs: Glyphs = .unicode) -> String {
        switch (self, glyphs.isUnicode) {
        case (.good, true): return "●"
        case (.moderate, true): return "◐"
        case (.offline, true): return "✕"
        case (.unknown, true): return "?"
        case (.good, false): return "o"
        case (.moderate, false): return "="
        case (.offline, false): return "x"
        case (.unknown, false): return "?"
        }
    }

    /// The semantic role that colours it.
    public var role: StyleRole {
        switch self {
        case .good: return .ok
        case .moderate: return .warn
        case .offline: return .crit
        case .unknown: return .unknown
        }
    }

    /// A span with the glyph in its role, for styled lines.
    public func span(_ glyphs: Glyphs = .unicode) -> Span { Span(glyph(glyphs), style: CellStyle(role, bold: true)) }
}
