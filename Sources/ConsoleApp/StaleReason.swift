/// Why the data on screen counts as stale (the snapshot itself still opens and reads).
public enum StaleReason: Sendable, Hashable {
    /// `meta.published_at` is older than the limit.
    case published
    /// The console has seen no change to the snapshot for longer than the limit, whatever `published_at` says
    /// (a writer whose clock runs ahead, or one that rewrites `published_at` without new data, cannot hide it).
    case unchanged
}
