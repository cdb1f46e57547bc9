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
