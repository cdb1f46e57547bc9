/// Which column a table is sorted by, and in which direction.
public struct TableSort: Hashable, Sendable {
    /// The sorted column index.
    public var column: Int
    /// Whether the sort is ascending.
    public var ascending: Bool
    /// Creates a sort indicator.
    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}
