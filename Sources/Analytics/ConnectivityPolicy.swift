/// Connectivity classification (`connectivity:` in the configuration file).
public struct ConnectivityPolicy: Sendable, Hashable, Codable {
    /// The selected benchmark profile. Default "giga".
    public var profile: String = "giga"
    /// Benchmark profiles by name. Defaults: `giga` 20 Mbps (Giga's global benchmark), `national` 50 Mbps
    /// (a placeholder for the national target: set it to the figure your department adopts).
    public var profiles: [String: BenchmarkProfile] = [
        "giga": BenchmarkProfile(downloadMbps: 20),
        "national": BenchmarkProfile(downloadMbps: 50),
    ]
    /// A school whose latest probe is older than this is offline. Default 15 minutes.
    public var offlineAfterMinutes: Int = 15

    /// Creates the default policy.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case profile, profiles, offlineAfterMinutes = "offline_after_minutes"
    }

    /// Decodes, keeping the defaults of absent keys; listed profiles are merged over the default ones.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        profile = try c.decodeIfPresent(String.self, forKey: .profile) ?? profile
        if let given = try c.decodeIfPresent([String: BenchmarkProfile].self, forKey: .profiles) {
            profiles.merge(given) { _, new in new }
        }
        offlineAfterMinutes = try c.decodeIfPresent(Int.self, forKey: .offlineAfterMinutes) ?? offlineAfterMinutes
    }

    /// The selected profile's download benchmark in Mbps (validated configurations always have one).
    public var benchmarkMbps: Double {
        profiles[profile]?.downloadMbps ?? 20
    }
}
