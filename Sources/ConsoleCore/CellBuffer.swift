/// A frame: a grid of cells that screens render into, and that backends diff and flush.
public struct CellBuffer: Hashable, Sendable {
    /// The frame size in columns and rows.
    public let size: Size
    /// The cells, row by row (`y * columns + x`).
    public private(set) var cells: [Cell]

    /// A blank frame of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank()) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.columns * size.rows)
    }

    /// The cell at column `x`, row `y`; reads outside the frame give a blank, writes outside are ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < size.columns, y < size.rows else { return .blank() }
            return cells[y * size.columns + x]
        }
        set {
            guard x >= 0, y >= 0, x < size.columns, y < size.rows else { return }
            cells[y * size.columns + x] = newValue
        }
    }

    /// The text of row `y` (continuation cells omitted), for tests and captures.
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < size.rows else { return "" }
        var line = ""
        for x in 0..<size.columns { line += self[x, y].grapheme }
        return line
    }

    /// The whole frame as text, one line per row.
    public var text: String { (0..<size.rows).map(rowText).joined(separator: "\n") }
}
