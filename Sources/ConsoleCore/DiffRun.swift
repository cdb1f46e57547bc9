/// A horizontal run of cells to write at (`column`, `row`): the unit a backend flushes.
public struct DiffRun: Hashable, Sendable {
    /// The screen row.
    public var row: Int
    /// The first screen column.
    public var column: Int
    /// The cells, including the continuation cells of wide characters.
    public var cells: [Cell]
    /// Creates a run.
    public init(row: Int, column: Int, cells: [Cell]) {
        self.row = row
        self.column = column
        self.cells = cells
    }
}
