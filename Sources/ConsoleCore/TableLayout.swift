/// Where a rendered table put things, for mouse hit-testing and for keeping the scroll position.
public struct TableLayout: Hashable, Sendable {
    /// The header row's rectangle.
    public var header: Rect
    /// The rows' rectangle (below the header).
    public var body: Rect
    /// The index of the first visible row (store it and pass it back as `scrollOffset`).
    public var scrollOffset: Int
    /// How many rows fit in the body.
    public var visibleRows: Int
    /// Each column's left x.
    public var columnX: [Int]
    /// Each column's width (0 when it did not fit).
    public var columnWidths: [Int]

    /// The row index under `point`, if it is on a row.
    public func row(at point: Point, rowCount: Int) -> Int? {
        guard body.contains(point) else { return nil }
        let index = scrollOffset + point.y - body.y
        return index < rowCount ? index : nil
    }

    /// The column index under `point`, if any (e.g. a click on the header to sort).
    public func column(at point: Point) -> Int? {
        columnX.indices.first { point.x >= columnX[$0] && point.x < columnX[$0] + columnWidths[$0] }
    }
}
