/// A connectivity benchmark: a school is "good" when its latest download is at least `downloadMbps`.
public struct BenchmarkProfile: Sendable, Hashable, Codable {
    /// Minimum download speed in Mbps for "good".
    public var downloadMbps: Double

    /// Creates a profile.
    public init(downloadMbps: Double) {
        self.downloadMbps = downloadMbps
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case downloadMbps = "download_mbps"
    }
}
