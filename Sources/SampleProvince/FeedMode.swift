/// How the replication feed delivers each publication to the snapshot path.
public enum FeedMode: String, Sendable, CaseIterable {
    /// A WAL-mode writer commits small transactions into the file the console reads.
    case inPlace = "in-place"
    /// Each publication is a complete new file (DELETE journal mode, fsynced) renamed over the target.
    case rename
}
