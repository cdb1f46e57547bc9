/// How a snapshot file journals writes, read from bytes 18–19 of its header.
public enum SnapshotJournalMode: String, Sendable, Equatable {
    /// Write-ahead log: the in-place delivery mode; readers need the `-shm` file to exist or be creatable.
    case wal
    /// Rollback journal (DELETE, TRUNCATE, PERSIST…): the publish-by-rename delivery mode.
    case rollback
}
