/// The administrator changed what the user may see while the console runs (the access file was edited): the data
/// source already answers for the new scope; the screen drops everything read under the old one.
public struct AccessChange: Sendable, Hashable {
    /// The data source's scope revision after the change (`DashboardDataSource.scopeRevision`).
    public var revision: Int
    /// The new scope's short description for the status line (nil: province-wide).
    public var scopeLabel: String?
    /// Where `e` may now write exports (nil: export not allowed).
    public var exportDirectory: String?

    /// Creates a change.
    public init(revision: Int, scopeLabel: String?, exportDirectory: String?) {
        self.revision = revision
        self.scopeLabel = scopeLabel
        self.exportDirectory = exportDirectory
    }
}
