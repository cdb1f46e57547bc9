/// The pure state machine behind ``SnapshotWatcher``: compares fresh observations with a baseline.
///
/// - no file → ``SnapshotChange/gone``
/// - another device/inode → ``SnapshotChange/replaced`` (sticky: the baseline is kept, reopen to reset)
/// - same inode with a new `data_version`, size or mtime → ``SnapshotChange/changedInPlace``
///   (the baseline moves on, so each change is reported once)
/// - otherwise → ``SnapshotChange/unchanged``
public struct SnapshotChangeDetector: Sendable, Equatable {
    /// The file identity last accepted as current.
    public private(set) var identity: FileIdentity
    /// The `PRAGMA data_version` last accepted as current.
    public private(set) var dataVersion: Int

    /// Starts from the identity and data version of the file as opened.
    public init(identity: FileIdentity, dataVersion: Int) {
        self.identity = identity
        self.dataVersion = dataVersion
    }

    /// Classifies a new observation; `dataVersion` may be nil when it could not be read (file replaced or gone).
    public mutating func observe(identity current: FileIdentity?, dataVersion currentVersion: Int?) -> SnapshotChange {
        guard let current else { return .gone }
        guard current.isSameFile(as: identity) else { return .replaced }
        var changed = false
        if let currentVersion, currentVersion != dataVersion {
            dataVersion = currentVersion
            changed = true
        }
        if current != identity {
            identity = current
            changed = true
        }
        return changed ? .changedInPlace : .unchanged
    }
}
