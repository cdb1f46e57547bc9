/// Snapshot freshness and device presence windows (`snapshot:` and `devices:` in the configuration file).
public struct SnapshotPolicy: Sendable, Hashable, Codable {
    /// The snapshot is stale when `meta.published_at` is older than this before as-of (and, in the console, when
    /// no change to the snapshot was seen for this long). Default 30 minutes.
    public var staleAfterMinutes: Int = 30

    /// Creates the default policy.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case staleAfterMinutes = "stale_after_minutes"
    }

    /// Decodes, keeping the default of every absent key.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        staleAfterMinutes = try c.decodeIfPresent(Int.self, forKey: .staleAfterMinutes) ?? staleAfterMinutes
    }
}
