/// Tells whether an open ``Snapshot``'s path is unchanged, changed in place, replaced or gone.
///
/// Looks at the files only (`stat` and a few header bytes, ``SnapshotStamp``), never through SQLite, so
/// it holds no lock and needs no connection between refreshes: `stat` of the path shows a rename (new
/// inode) or a deleted file; the stamp shows a commit in place. Call ``poll()`` on each refresh tick;
/// after `.replaced`, open the path again and watch the new snapshot.
public struct SnapshotWatcher: Sendable {
    /// The snapshot being watched.
    public let snapshot: Snapshot
    private var detector: SnapshotChangeDetector

    /// Watches `snapshot`, starting from the state it was validated in.
    public init(snapshot: Snapshot) {
        self.snapshot = snapshot
        detector = SnapshotChangeDetector(identity: snapshot.identity, stamp: snapshot.openedStamp)
    }

    /// Looks at the path once and reports what changed since the last poll.
    public mutating func poll() throws -> SnapshotChange {
        let current = try FileIdentity.current(atPath: snapshot.path)
        guard let current, current.isSameFile(as: detector.identity) else {
            return detector.observe(identity: current, stamp: nil)
        }
        return detector.observe(identity: current, stamp: SnapshotStamp.read(path: snapshot.path))
    }
}
