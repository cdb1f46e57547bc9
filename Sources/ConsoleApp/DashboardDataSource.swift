import ReportModel
import Foundation

/// What the console needs from the data layer. The real one wraps the snapshot, its watcher and the
/// analytics engine; every call may block on I/O, so the runtime calls it off the UI thread.
public protocol DashboardDataSource: Sendable {
    /// The report for `node` (nil = root of the user's scope) as of `asOf`, from one read transaction.
    func report(for node: NodeRef?, asOf: Date) throws -> NodeReport
    /// Resolves a `:` jump inside the user's scope.
    func resolve(_ target: JumpTarget) throws -> NodeRef
    /// Checks whether the snapshot changed since the last call.
    func pollForChange() -> SnapshotPoll
    /// The attendance rows left out of the figures in the user's scope, per school and reason.
    func dataQuality(asOf: Date) throws -> DataQualityReport
    /// Every unit, school and class in the user's scope, for search and completion.
    func searchIndex() throws -> SearchIndex
    /// Counts the changes of the user's scope while the console runs (0 at the start). Read it before a call:
    /// the call's answer belongs to that revision or a newer one.
    var scopeRevision: Int { get }
    /// The morning check-in curve of `node` (nil = root of the user's scope) against usual days, for the wall.
    func checkInCurve(for node: NodeRef?, asOf: Date) throws -> CheckInCurve?
    /// The user's area as it stands after the last change while running (the access file edited, a server's grant
    /// narrowed or widened); nil while it is the one the session started with.
    var accessChange: AccessChange? { get }
}

extension DashboardDataSource {
    /// A source without the check says so (the user reads it as a message).
    public func dataQuality(asOf: Date) throws -> DataQualityReport {
        throw DashboardDataError.userFacing("data quality is not available from this data source")
    }

    /// No search index: `/` only filters the table and `:` resolves on Enter.
    public func searchIndex() throws -> SearchIndex { SearchIndex(entries: []) }

    /// The revision of the last change of the area (0: none).
    public var scopeRevision: Int { accessChange?.revision ?? 0 }
    /// No curve: the wall shows its pages without the comparison with usual days.
    public func checkInCurve(for node: NodeRef?, asOf: Date) throws -> CheckInCurve? { nil }
    /// The area is fixed for the session.
    public var accessChange: AccessChange? { nil }
}

/// The outcome of one look at the snapshot file.
public enum SnapshotPoll: Sendable, Hashable {
    /// Nothing changed.
    case unchanged
    /// New data was committed in place, or a new file was renamed over the old one.
    case changed
    /// The snapshot is unusable now (gone, corrupt, wrong version…); the reason is one line.
    case failed(String)
}

/// Errors a data source raises that are the user's to read, not a snapshot fault.
public enum DashboardDataError: Error, Sendable, CustomStringConvertible {
    /// The request cannot be honoured, e.g. the node is not in the user's area.
    case userFacing(String)
    /// The node asked for is outside the user's scope or does not exist (never told apart); the code as asked.
    case notInYourArea(String)
    /// Nothing of that code or name exists (said only to unscoped users); the text as asked.
    case noSuchNode(String)
    public var description: String {
        switch self {
        case .userFacing(let text): return text
        case .notInYourArea(let code): return AnalyticsError.notInYourArea(code).description
        case .noSuchNode(let text): return AnalyticsError.notFound(text).description
        }
    }
}
