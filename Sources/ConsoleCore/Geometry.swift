/// A terminal size in columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Width in columns.
    public var columns: Int
    /// Height in rows.
    public var rows: Int
    /// Creates a size; negative values clamp to zero.
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }
    /// A readable form for logs and test failures.
    public var description: String { "\(columns)×\(rows)" }
}

/// A screen position: column `x`, row `y`, zero-based from the top-left.
public struct Point: Hashable, Sendable {
    /// Column (left edge), zero-based.
    public var x: Int
    /// Row (top edge), zero-based.
    public var y: Int
    /// Creates a point.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle of cells.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Column (left edge), zero-based.
    public var x: Int
    /// Row (top edge), zero-based.
    public var y: Int
    /// Width in columns.
    public var width: Int
    /// Height in rows.
    public var height: Int
    /// Creates a rectangle; negative sizes clamp to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    /// The rectangle covering a whole screen of `size`.
    public init(size: Size) { self.init(x: 0, y: 0, width: size.columns, height: size.rows) }
    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// Whether the rectangle has no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// A readable form for logs and test failures.
    public var description: String { "(\(x),\(y) \(width)×\(height))" }
    /// Whether the cell at `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }
    /// The rectangle shrunk by `d` cells on every side.
    public func inset(by d: Int) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    /// The overlap of two rectangles (empty, at this rectangle's origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = Swift.max(x, other.x), y0 = Swift.max(y, other.y)
        let x1 = Swift.min(maxX, other.maxX), y1 = Swift.min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
    /// The rectangle shrunk by separate amounts per side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }
    /// The rectangle of `width`×`height` centred inside this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = Swift.min(w, width), ch = Swift.min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}
