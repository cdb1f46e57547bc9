/// One row of a key–value list.
public struct KeyValueItem: Hashable, Sendable {
    /// The label.
    public var key: String
    /// The value text.
    public var value: String
    /// The value's role (ok/warn/crit…).
    public var role: StyleRole
    /// An optional status glyph before the value.
    public var status: StatusGlyph?
    /// Creates an item.
    public init(_ key: String, _ value: String, role: StyleRole = .normal, status: StatusGlyph? = nil) {
        self.key = key
        self.value = value
        self.role = role
        self.status = status
    }
}
