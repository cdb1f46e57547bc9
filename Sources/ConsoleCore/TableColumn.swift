/// A table column: a title, a width rule and an alignment.
public struct TableColumn: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// A share of the space left by fixed columns, never narrower than `minimum`.
        case flexible(weight: Int, minimum: Int)
    }
    /// The title shown in the header or top border.
    public var title: String
    /// How wide the column is.
    public var width: Width
    /// Horizontal alignment within the area.
    public var alignment: TextAlignment
    /// Creates a column.
    public init(_ title: String, width: Width = .flexible(weight: 1, minimum: 4), alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
