/// Which level of the tree a node is on.
public enum NodeLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case province, unit, school, `class`
}

/// A node of the province tree: the province, an admin unit, a school or a class.
public struct NodeRef: Sendable, Hashable, Codable {
    /// The tree level.
    public var level: NodeLevel
    /// Stable code: admin unit or school code; for a class, "SCHOOLCODE/CLASSNAME".
    public var code: String
    /// Display name, sanitised only by the UI.
    public var name: String
    /// For admin units, the `admin_units.kind` (province, commune, ward, …); for schools, the level; else nil.
    public var detail: String?
    /// Creates a node reference.
    public init(level: NodeLevel, code: String, name: String, detail: String? = nil) {
        self.level = level
        self.code = code
        self.name = name
        self.detail = detail
    }
}
