import SafeText

/// Writing text, fills, lines and boxes into a frame.
extension CellBuffer {
    /// The whole frame as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// Writes one grapheme at (`x`, `y`), keeping wide characters whole; returns the columns used (0 if skipped).
    ///
    /// A last line of defence: graphemes holding control or bidi characters, and zero-width graphemes, are
    /// never stored. Overwriting half of a wide character blanks its other half.
    @discardableResult
    public mutating func put(grapheme: Character, x: Int, y: Int, style: CellStyle) -> Int {
        guard y >= 0, y < size.rows, x >= 0, x < size.columns else { return 0 }
        if grapheme.unicodeScalars.contains(where: TextSanitizer.isUnsafe) { return 0 }
        let width = DisplayWidth.of(grapheme)
        guard width > 0 else { return 0 }
        if width == 2 && x + 1 >= size.columns {
            setCell(Cell.blank(style), x: x, y: y)  // a wide char that does not fit becomes padding
            return 1
        }
        setCell(Cell(String(grapheme), style: style), x: x, y: y)
        if width == 2 { setCell(.continuation(style), x: x + 1, y: y) }
        return width
    }

    /// Writes `text` from `at`, clipped to `maxWidth` columns and the frame edge; returns the columns written.
    ///
    /// Text is not truncated with an ellipsis here (use `DisplayText.fit`); a wide character that would
    /// straddle the limit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, at: Point, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard at.y >= 0, at.y < size.rows else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.columns - at.x)
        guard limit > 0 else { return 0 }
        var used = 0
        for g in text {
            let w = DisplayWidth.of(g)
            if w == 0 { continue }
            if used + w > limit {
                if used < limit { put(grapheme: " ", x: at.x + used, y: at.y, style: style); used += 1 }
                break
            }
            if at.x + used < 0 {  // clipped on the left
                used += w
                continue
            }
            used += put(grapheme: g, x: at.x + used, y: at.y, style: style)
        }
        return max(0, used)
    }

    /// Writes `text` fitted to exactly `width` columns (truncated with `ellipsis`, padded, aligned).
    public mutating func put(_ text: String, at: Point, width: Int, alignment: TextAlignment = .left,
                             style: CellStyle = .plain, ellipsis: String = DisplayText.ellipsis) {
        guard width > 0 else { return }
        put(DisplayText.fit(text, width: width, alignment: alignment, ellipsis: ellipsis), at: at, style: style, maxWidth: width)
    }

    /// Fills `rect` (clipped to the frame) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank()) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { setCell(cell, x: x, y: y) }
        }
    }

    /// Fills `rect` with blanks in `style`.
    public mutating func clear(_ rect: Rect, style: CellStyle = .plain) { fill(rect, with: .blank(style)) }

    /// Draws a horizontal line of `glyph` from `from`, `length` cells long.
    public mutating func horizontalLine(from: Point, length: Int, glyph: String, style: CellStyle = CellStyle(.border)) {
        guard length > 0, let g = glyph.first else { return }
        for i in 0..<length { put(grapheme: g, x: from.x + i, y: from.y, style: style) }
    }

    /// Draws a vertical line of `glyph` from `from`, `length` cells long.
    public mutating func verticalLine(from: Point, length: Int, glyph: String, style: CellStyle = CellStyle(.border)) {
        guard length > 0, let g = glyph.first else { return }
        for i in 0..<length { put(grapheme: g, x: from.x, y: from.y + i, style: style) }
    }

    /// Draws a box around the edge of `rect`, with an optional title in the top border; returns the inner rect.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, glyphs: Glyphs = .unicode, style: CellStyle = CellStyle(.border),
                                 title: String? = nil, titleStyle: CellStyle = CellStyle(.title, bold: true)) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        horizontalLine(from: Point(x: rect.x + 1, y: rect.y), length: rect.width - 2, glyph: glyphs.horizontal, style: style)
        horizontalLine(from: Point(x: rect.x + 1, y: rect.maxY - 1), length: rect.width - 2, glyph: glyphs.horizontal, style: style)
        verticalLine(from: Point(x: rect.x, y: rect.y + 1), length: rect.height - 2, glyph: glyphs.vertical, style: style)
        verticalLine(from: Point(x: rect.maxX - 1, y: rect.y + 1), length: rect.height - 2, glyph: glyphs.vertical, style: style)
        put(glyphs.topLeft, at: Point(x: rect.x, y: rect.y), style: style, maxWidth: 1)
        put(glyphs.topRight, at: Point(x: rect.maxX - 1, y: rect.y), style: style, maxWidth: 1)
        put(glyphs.bottomLeft, at: Point(x: rect.x, y: rect.maxY - 1), style: style, maxWidth: 1)
        put(glyphs.bottomRight, at: Point(x: rect.maxX - 1, y: rect.maxY - 1), style: style, maxWidth: 1)
        if let title, !title.isEmpty, rect.width >= 5 {
            let room = rect.width - 4
            let shown = DisplayText.truncate(title, to: room, ellipsis: glyphs.ellipsis)
            put(" ", at: Point(x: rect.x + 1, y: rect.y), style: style, maxWidth: 1)
            let w = put(shown, at: Point(x: rect.x + 2, y: rect.y), style: titleStyle, maxWidth: room)
            put(" ", at: Point(x: rect.x + 2 + w, y: rect.y), style: style, maxWidth: 1)
        }
        return rect.inset(by: 1)
    }

    /// Writes `cell` at (`x`, `y`) while keeping wide characters whole: a half overwritten blanks the other.
    mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.columns, y < size.rows else { return }
        let old = self[x, y]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            self[x - 1, y] = .blank(self[x - 1, y].style)
        }
        if !old.isContinuation, x + 1 < size.columns, self[x + 1, y].isContinuation {
            let nextIsOurs = cell.isContinuation == false && DisplayWidth.of(cell.grapheme) == 2
            if !nextIsOurs { self[x + 1, y] = .blank(self[x + 1, y].style) }
        }
        if cell.isContinuation, x == 0 { self[x, y] = .blank(cell.style); return }
        self[x, y] = cell
    }
}
