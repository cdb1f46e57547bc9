/// One entry of the access file: what an account or a group may see, and where it may export.
public struct AccessEntry: Sendable, Hashable {
    /// What the entry grants.
    public enum Reach: Sendable, Hashable {
        /// The whole province (`scope: province`).
        case province
        /// These admin units (with everything beneath them) and these single schools.
        case area(Scope)
    }

    /// What the entry grants.
    public var reach: Reach
    /// The export directory for this entry (absolute; `{user}` is replaced by the account name), if any.
    public var exportDirectory: String?

    /// Creates an entry.
    public init(reach: Reach, exportDirectory: String? = nil) {
        self.reach = reach
        self.exportDirectory = exportDirectory
    }
}
