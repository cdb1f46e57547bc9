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

/// One table cell: text and an optional role (ok/warn/crit…) for its value.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The cell text (already sanitised).
    public var text: String
    /// The role of the cell value.
    public var role: StyleRole
    /// An optional status glyph drawn before the text.
    public var status: StatusGlyph?
    /// Creates a cell.
    public init(_ text: String, role: StyleRole = .normal, status: StatusGlyph? = nil) {
        self.text = text
        self.role = role
        self.status = status
    }
    /// Creates a plain cell from a literal.
    public init(stringLiteral value: String) { self.init(value) }
}

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
