import Foundation
import ReportModel
import SafeYAML
import Yams

/// Analytics configuration: alert thresholds and connectivity benchmarks. These are **local policy**, not
/// national standards. Every key is optional; see docs/analytics.example.yaml for the keys and defaults.
public struct AnalyticsConfig: Sendable, Hashable, Codable {
    /// Attendance alert thresholds.
    public var attendance = AttendancePolicy()
    /// Chronic-absence definition and alert threshold.
    public var chronicAbsence = ChronicAbsencePolicy()
    /// Connectivity benchmark profiles and offline window.
    public var connectivity = ConnectivityPolicy()
    /// Device presence window.
    public var devices = DevicePolicy()
    /// Snapshot staleness.
    public var snapshot = SnapshotPolicy()

    /// Creates the default configuration.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case attendance, chronicAbsence = "chronic_absence", connectivity, devices, snapshot
    }

    /// Decodes, keeping the default of every absent key.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        attendance = try c.decodeIfPresent(AttendancePolicy.self, forKey: .attendance) ?? attendance
        chronicAbsence = try c.decodeIfPresent(ChronicAbsencePolicy.self, forKey: .chronicAbsence) ?? chronicAbsence
        connectivity = try c.decodeIfPresent(ConnectivityPolicy.self, forKey: .connectivity) ?? connectivity
        devices = try c.decodeIfPresent(DevicePolicy.self, forKey: .devices) ?? devices
        snapshot = try c.decodeIfPresent(SnapshotPolicy.self, forKey: .snapshot) ?? snapshot
    }

    /// Parses and validates YAML text; unknown keys and out-of-range values throw `invalidConfiguration`.
    public static func load(yaml: String) throws -> AnalyticsConfig {
        let root: Node?
        do {
            root = try SafeYAML.compose(yaml)
        } catch {
            throw AnalyticsError.invalidConfiguration(error.description)
        }
        guard let root else { return AnalyticsConfig() }  // an empty file means all defaults
        try ConfigKeys.check(root)
        let config: AnalyticsConfig
        do {
            config = try YAMLDecoder().decode(AnalyticsConfig.self, from: root)
        } catch let DecodingError.typeMismatch(type, context) {
            throw AnalyticsError.invalidConfiguration("\(ConfigKeys.path(context.codingPath)): expected \(type)")
        } catch let DecodingError.dataCorrupted(context) {
            throw AnalyticsError.invalidConfiguration("\(ConfigKeys.path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw AnalyticsError.invalidConfiguration("\(error)")
        }
        try config.validate()
        return config
    }

    /// Reads, parses and validates a YAML configuration file.
    public static func load(contentsOf url: URL) throws -> AnalyticsConfig {
        let text: String
        do {
            text = try SafeYAML.read(path: url.path)
        } catch let refusal as SafeYAML.Refusal {
            throw AnalyticsError.invalidConfiguration("\(url.path) \(refusal.description)")
        } catch {
            throw AnalyticsError.invalidConfiguration("cannot read \(url.path): \(error.localizedDescription)")
        }
        return try load(yaml: text)
    }

    /// Throws `invalidConfiguration` naming the first out-of-range value.
    public func validate() throws {
        func fraction(_ value: Double, _ key: String) throws {
            guard value.isFinite, (0...1).contains(value) else {
                throw AnalyticsError.invalidConfiguration("\(key) must be between 0 and 1, got \(value)")
            }
        }
        func positive(_ value: Int, _ key: String, max: Int) throws {
            guard (1...max).contains(value) else {
                throw AnalyticsError.invalidConfiguration("\(key) must be between 1 and \(max), got \(value)")
            }
        }
        try fraction(attendance.rateWarn, "attendance.rate_warn")
        try fraction(attendance.rateCritical, "attendance.rate_critical")
        guard attendance.rateCritical <= attendance.rateWarn else {
            throw AnalyticsError.invalidConfiguration("attendance.rate_critical (\(attendance.rateCritical)) must not exceed attendance.rate_warn (\(attendance.rateWarn))")
        }
        guard attendance.minReported >= 0 else {
            throw AnalyticsError.invalidConfiguration("attendance.min_reported must be ≥ 0, got \(attendance.minReported)")
        }
        try fraction(attendance.completenessWarn, "attendance.completeness_warn")
        guard attendance.completenessAfterMinutes != nil else {
            throw AnalyticsError.invalidConfiguration("attendance.completeness_after must be a local time HH:MM, got \"\(attendance.completenessAfter)\"")
        }
        try fraction(chronicAbsence.absentDaysFraction, "chronic_absence.absent_days_fraction")
        guard chronicAbsence.absentDaysFraction > 0 else {
            throw AnalyticsError.invalidConfiguration("chronic_absence.absent_days_fraction must be above 0")
        }
        try fraction(chronicAbsence.shareWarn, "chronic_absence.share_warn")
        guard chronicAbsence.minEnrolled >= 0 else {
            throw AnalyticsError.invalidConfiguration("chronic_absence.min_enrolled must be ≥ 0, got \(chronicAbsence.minEnrolled)")
        }
        for (name, profile) in connectivity.profiles.sorted(by: { $0.key < $1.key }) {
            guard profile.downloadMbps.isFinite, profile.downloadMbps > 0, profile.downloadMbps <= 100_000 else {
                throw AnalyticsError.invalidConfiguration("connectivity.profiles.\(name).download_mbps must be above 0, got \(profile.downloadMbps)")
            }
        }
        guard connectivity.profiles[connectivity.profile] != nil else {
            let known = connectivity.profiles.keys.sorted().joined(separator: ", ")
            throw AnalyticsError.invalidConfiguration("connectivity.profile \"\(connectivity.profile)\" is not a defined profile (\(known))")
        }
        try positive(connectivity.offlineAfterMinutes, "connectivity.offline_after_minutes", max: 1440)
        try positive(devices.seenWithinMinutes, "devices.seen_within_minutes", max: 1440)
        try positive(snapshot.staleAfterMinutes, "snapshot.stale_after_minutes", max: 10_080)
    }
}
