/// A figure drawn three rows tall with block glyphs for wall screens ("93.4%"); falls back to plain
/// bold text when the area is too small. ASCII terminals get `#` blocks.
public struct BigNumber: Widget, Hashable, Sendable {
    /// The text: digits, '.', ',', '%', '-', ':' and spaces are drawn large; anything else small.
    public var text: String
    /// The semantic role the content is drawn in.
    public var role: StyleRole
    /// Horizontal alignment within the area.
    public var alignment: TextAlignment
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// Creates a big number.
    public init(_ text: String, role: StyleRole = .normal, alignment: TextAlignment = .left, glyphs: Glyphs = .unicode) {
        self.text = text
        self.role = role
        self.alignment = alignment
        self.glyphs = glyphs
    }

    /// The rows the large form needs.
    public static let height = 3

    /// The three lines of the large form, or nil if `text` has characters without a large form.
    public func largeLines() -> [String]? {
        var lines = ["", "", ""]
        for (i, ch) in text.enumerated() {
            guard let glyph = BigNumber.font[ch] else { return nil }
            for r in 0..<3 {
                var row = glyph[r]
                if !glyphs.isUnicode { row = String(row.map { $0 == " " ? " " : "#" }) }
                lines[r] += (i > 0 ? " " : "") + row
            }
        }
        return lines
    }

    /// Draws large if it fits in `area`, otherwise as bold text on the first row.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if area.height >= BigNumber.height, let lines = largeLines(), let w = lines.first.map(DisplayWidth.of), w <= area.width {
            for (r, line) in lines.enumerated() {
                buffer.put(line, at: Point(x: area.x, y: area.y + r), width: area.width, alignment: alignment,
                           style: CellStyle(role, bold: true), ellipsis: glyphs.ellipsis)
            }
        } else {
            buffer.put(text, at: Point(x: area.x, y: area.y), width: area.width, alignment: alignment,
                       style: CellStyle(role, bold: true), ellipsis: glyphs.ellipsis)
        }
    }

    private static let font: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"], "1": ["▀█ ", " █ ", "▀▀▀"], "2": ["▀▀█", "█▀▀", "▀▀▀"],
        "3": ["▀▀█", " ▀█", "▀▀▀"], "4": ["█ █", "▀▀█", "  ▀"], "5": ["█▀▀", "▀▀█", "▀▀▀"],
        "6": ["█▀▀", "█▀█", "▀▀▀"], "7": ["▀▀█", "  █", "  ▀"], "8": ["█▀█", "█▀█", "▀▀▀"],
        "9": ["█▀█", "▀▀█", "▀▀▀"], ".": [" ", " ", "▀"], ",": [" ", " ", "▄"],
        "%": ["▀ █", " █ ", "█ ▄"], "-": ["   ", "▀▀▀", "   "], ":": [" ", "▀", "▀"], " ": [" ", " ", " "],
    ]
}
