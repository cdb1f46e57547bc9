/// Tells whether an open ``Snapshot``'s path is unchanged, changed in place, replaced or gone.
///
/// Combines `PRAGMA data_version` on the snapshot's held connection (commits by an in-place writer)
/// with `stat(2)` of the path (a rename gives a new inode; a deleted path is gone). Call ``poll()`` on
/// each refresh tick; after `.replaced`, open the path again and watch the new snapshot.
public struct SnapshotWatcher: Sendable {
    /// The snapshot being watched.
    public let snapshot: Snapshot
    private var detector: SnapshotChangeDetector

    /// Watches `snapshot`, starting from the state it was validated in.
    public init(snapshot: Snapshot) {
        self.snapshot = snapshot
        detector = SnapshotChangeDetector(identity: snapshot.identity, dataVersion: snapshot.openedDataVersion)
    }

    /// Looks at the path and the connection once and reports what changed since the last poll.
    public mutating func poll() throws -> SnapshotChange {
        let current = try FileIdentity.current(atPath: snapshot.path)
        guard let current, current.isSameFile(as: detector.identity) else {
            return detector.observe(identity: current, dataVersion: nil)
        }
        return detector.observe(identity: current, dataVersion: try snapshot.dataVersion())
    }
}
