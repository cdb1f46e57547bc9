/// The glyph set widgets draw with: Unicode box drawing and blocks, or an ASCII fallback.
public struct Glyphs: Hashable, Sendable {
    /// Whether these are the Unicode glyphs.
    public var isUnicode: Bool
    /// Horizontal line.
    public var horizontal: String
    /// Vertical line.
    public var vertical: String
    /// Top-left corner.
    public var topLeft: String
    /// Top-right corner.
    public var topRight: String
    /// Bottom-left corner.
    public var bottomLeft: String
    /// Bottom-right corner.
    public var bottomRight: String
    /// Marks text that was cut.
    public var ellipsis: String
    /// Sparkline levels, lowest first (8 entries).
    public var sparkLevels: [String]
    /// Sparkline gap for a missing value.
    public var sparkGap: String
    /// A fully filled gauge cell.
    public var gaugeFull: String
    /// Partial gauge cells, 1/8 … 7/8 (empty in ASCII: only whole cells).
    public var gaugeEighths: [String]
    /// An empty gauge cell.
    public var gaugeEmpty: String
    /// Sort indicators.
    public var sortAscending: String
    /// Descending sort indicator.
    public var sortDescending: String
    /// The selected-row marker.
    public var selectionMarker: String

    /// Unicode glyphs (box drawing, block elements, arrows).
    public static let unicode = Glyphs(
        isUnicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], sparkGap: "·",
        gaugeFull: "█", gaugeEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], gaugeEmpty: "░",
        sortAscending: "▲", sortDescending: "▼", selectionMarker: "▶")

    /// ASCII-only glyphs for terminals without UTF-8. No glyph repeats another's meaning or a border's character:
    /// borders - | +, cut text ~, sparkline levels 1–8, gauge # and ., sort ^ v (status glyphs: `StatusGlyph`).
    public static let ascii = Glyphs(
        isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", sparkLevels: ["1", "2", "3", "4", "5", "6", "7", "8"], sparkGap: " ",
        gaugeFull: "#", gaugeEighths: [], gaugeEmpty: ".",
        sortAscending: "^", sortDescending: "v", selectionMarker: ">")

    /// The glyph set for a terminal's capabilities.
    public static func `for`(_ capabilities: TerminalCapabilities) -> Glyphs { capabilities.unicode ? .unicode : .ascii }
}
