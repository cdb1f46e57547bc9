import Foundation

/// Why the data on screen is not current, and since when.
public struct SnapshotProblem: Sendable, Hashable {
    /// One line, already worded for the operator (e.g. "snapshot.sqlite: missing table 'devices'").
    public var reason: String
    /// When the problem was first seen.
    public var since: Date
    /// Creates a problem record.
    public init(reason: String, since: Date) {
        self.reason = reason
        self.since = since
    }
}
