/// Device presence (`devices:` in the configuration file).
public struct DevicePolicy: Sendable, Hashable, Codable {
    /// Cameras and attendance gates count as online when seen within this many minutes before as-of. Default 15.
    public var seenWithinMinutes: Int = 15

    /// Creates the default policy.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case seenWithinMinutes = "seen_within_minutes"
    }

    /// Decodes, keeping the default of every absent key.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seenWithinMinutes = try c.decodeIfPresent(Int.self, forKey: .seenWithinMinutes) ?? seenWithinMinutes
    }
}
