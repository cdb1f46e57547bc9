/// The pure state machine behind ``SnapshotWatcher``: compares fresh observations with a baseline.
///
/// - no file → ``SnapshotChange/gone``
/// - another device/inode → ``SnapshotChange/replaced`` (sticky: the baseline is kept, reopen to reset)
/// - same inode with a new ``SnapshotStamp``, size or mtime → ``SnapshotChange/changedInPlace``
///   (the baseline moves on, so each change is reported once)
/// - otherwise → ``SnapshotChange/unchanged``
public struct SnapshotChangeDetector: Sendable, Equatable {
    /// The file identity last accepted as current.
    public private(set) var identity: FileIdentity
    /// The commit stamp last accepted as current.
    public private(set) var stamp: SnapshotStamp

    /// Starts from the identity and stamp of the file as opened.
    public init(identity: FileIdentity, stamp: SnapshotStamp) {
        self.identity = identity
        self.stamp = stamp
    }

    /// Classifies a new observation; `stamp` may be nil when it was not read (file replaced or gone).
    public mutating func observe(identity current: FileIdentity?, stamp currentStamp: SnapshotStamp?) -> SnapshotChange {
        guard let current else { return .gone }
        guard current.isSameFile(as: identity) else { return .replaced }
        var changed = false
        if let currentStamp, currentStamp != stamp {
            stamp = currentStamp
            changed = true
        }
        if current != identity {
            identity = current
            changed = true
        }
        return changed ? .changedInPlace : .unchanged
    }
}
