/// What happened to a snapshot path since the last look.
public enum SnapshotChange: Sendable, Equatable {
    /// Same file, no commits by anyone else.
    case unchanged
    /// Same file (same inode), but another connection committed or the file's size/mtime moved: re-query.
    case changedInPlace
    /// The path now names a different file (published by rename): reopen the path.
    case replaced
    /// Nothing is at the path any more: keep the last good data and say it is stale.
    case gone
}
