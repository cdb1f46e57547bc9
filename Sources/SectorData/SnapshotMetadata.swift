import Foundation

/// The validated contents of a snapshot's `meta` table.
public struct SnapshotMetadata: Sendable, Equatable {
    /// `meta.schema_version`, equal to ``SnapshotSchema/version`` once validated.
    public let schemaVersion: Int
    /// `meta.province_code`, the province's official code.
    public let provinceCode: String
    /// `meta.province_name`, the province's name as written in Vietnamese.
    public let provinceName: String
    /// `meta.school_year`, e.g. `2025-2026`.
    public let schoolYear: String
    /// `meta.timezone` as a time zone; dates in the snapshot are days in this zone.
    public let timeZone: TimeZone
    /// `meta.published_at`: when the replicator last published the data.
    public let publishedAt: Date
    /// Every `meta` key and value as text, including keys this build does not know.
    public let values: [String: String]

    /// Creates metadata from already-validated values.
    public init(schemaVersion: Int, provinceCode: String, provinceName: String, schoolYear: String,
                timeZone: TimeZone, publishedAt: Date, values: [String: String]) {
        self.schemaVersion = schemaVersion
        self.provinceCode = provinceCode
        self.provinceName = provinceName
        self.schoolYear = schoolYear
        self.timeZone = timeZone
        self.publishedAt = publishedAt
        self.values = values
    }
}
