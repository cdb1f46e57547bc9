/// What one authenticated account may do, resolved from the access file.
public struct AccessGrant: Sendable, Hashable {
    /// The account the grant is for.
    public var user: String
    /// The analytics scope; nil = the whole province.
    public var scope: Scope?
    /// The absolute directory exports may be written to; nil = export not allowed.
    public var exportDirectory: String?
    /// Which entries matched, for messages: "user hoa" or "group eduioc-thanhha, …".
    public var matchedBy: [String]

    /// Creates a grant.
    public init(user: String, scope: Scope?, exportDirectory: String?, matchedBy: [String]) {
        self.user = user
        self.scope = scope
        self.exportDirectory = exportDirectory
        self.matchedBy = matchedBy
    }

    /// A short description of the scope for the status line: "toàn tỉnh"-neutral codes, e.g. "X01, S0003".
    public var scopeCodes: String? {
        guard let scope else { return nil }
        return (scope.unitCodes.sorted() + scope.schoolCodes.sorted()).joined(separator: ", ")
    }
}
