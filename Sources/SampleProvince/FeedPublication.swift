import Foundation

/// What one publication of the replication feed changed.
public struct FeedPublication: Sendable, Equatable {
    /// 1 for the first publication of a run.
    public var number: Int
    /// The `meta.published_at` written (also the `recorded_at`/`measured_at` of new rows).
    public var publishedAt: Date
    /// The simulated instant this publication brings the province to.
    public var simulatedAt: Date
    /// New attendance rows for today (check-ins and teacher entries).
    public var checkIns: Int
    /// Of those, rows entered by teachers or the app rather than a gate.
    public var teacherEntries: Int
    /// Unexcused absences turned excused (today or a past day).
    public var corrections: Int
    /// Connectivity probes written (0 when no 5-minute probe round fell in this publication).
    public var probes: Int
    /// Of those, failed probes (school offline).
    public var failedProbes: Int
    /// Watched devices (cameras, gates, routers) whose `last_seen_at` was not refreshed.
    public var unseenDevices: Int
    /// Students of today still without an attendance row after this publication.
    public var pendingStudents: Int

    /// One line for the operator, e.g. `#3 published_at 2026-11-23T00:41:05Z: +134 check-ins …`.
    public var summary: String {
        let stamp = CivilTime.timestampText(unixSeconds: Int(publishedAt.timeIntervalSince1970.rounded(.down)))
        let probeText = probes > 0 ? "\(probes) probes (\(failedProbes) failed)" : "no probe round"
        return "#\(number) published_at \(stamp): +\(checkIns) check-ins (\(teacherEntries) by teachers or app), "
            + "\(corrections) corrected to excused, \(probeText), unseen devices: \(unseenDevices), "
            + "not yet reported: \(pendingStudents)"
    }
}
