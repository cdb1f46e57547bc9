/// How the children table is sorted: a column and a direction.
public struct SortOrder: Sendable, Hashable {
    /// The column sorted by.
    public var column: ChildColumn
    /// True for largest first.
    public var descending: Bool
    /// Creates a sort order.
    public init(column: ChildColumn = .name, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}
