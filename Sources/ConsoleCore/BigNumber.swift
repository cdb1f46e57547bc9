/// A figure drawn three rows tall (or six, doubled) with block glyphs for wall screens ("93.4%"); falls back to
/// plain bold text when the area is too small. ASCII terminals get `#` blocks.
public struct BigNumber: Widget, Hashable, Sendable {
    /// The text: digits, '.', ',', '%', '-', '/', ':' and spaces are drawn large; anything else small.
    public var text: String
    /// The semantic role the content is drawn in.
    public var role: StyleRole
    /// Horizontal alignment within the area.
    public var alignment: TextAlignment
    /// The glyph set: Unicode, or the ASCII fallback.
    public var glyphs: Glyphs
    /// The largest scale tried: 2 draws each block twice as wide and tall when the area allows it.
    public var maximumScale: Int
    /// Creates a big number.
    public init(_ text: String, role: StyleRole = .normal, alignment: TextAlignment = .left, glyphs: Glyphs = .unicode,
                maximumScale: Int = 1) {
        self.text = text
        self.role = role
        self.alignment = alignment
        self.glyphs = glyphs
        self.maximumScale = max(1, min(2, maximumScale))
    }

    /// The rows the large form needs at scale 1.
    public static let height = 3

    /// The three lines of the large form, or nil if `text` has characters without a large form.
    public func largeLines() -> [String]? {
        var lines = ["", "", ""]
        for (i, ch) in text.enumerated() {
            guard let glyph = BigNumber.font[ch] else { return nil }
            for r in 0..<3 {
                lines[r] += (i > 0 ? " " : "") + glyph[r]
            }
        }
        return glyphs.isUnicode ? lines : lines.map { String($0.map { $0 == " " ? " " : "#" }) }
    }

    /// The six lines of the doubled form (each half block becomes a 2×2 cell group), or nil as `largeLines`.
    public func doubledLines() -> [String]? {
        guard let lines = largeLines() else { return nil }
        let full: Character = glyphs.isUnicode ? "█" : "#"
        return lines.flatMap { line -> [String] in
            var top = "", bottom = ""
            for ch in line {
                let upper = ch == "█" || ch == "▀" || ch == "#"
                let lower = ch == "█" || ch == "▄" || ch == "#"
                top += String(repeating: upper ? full : " ", count: 2)
                bottom += String(repeating: lower ? full : " ", count: 2)
            }
            return [top, bottom]
        }
    }

    /// The lines drawn in `area`: doubled, large or nil (plain text) — the largest that fits.
    public func lines(fitting area: Rect) -> [String]? {
        if maximumScale >= 2, area.height >= 2 * BigNumber.height, let lines = doubledLines(),
           let w = lines.first.map(DisplayWidth.of), w <= area.width { return lines }
        if area.height >= BigNumber.height, let lines = largeLines(), let w = lines.first.map(DisplayWidth.of),
           w <= area.width { return lines }
        return nil
    }

    /// Draws large if it fits in `area`, otherwise as bold text on the first row.
    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if let lines = lines(fitting: area) {
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
        "/": ["  █", " █ ", "▀  "],
    ]
}
