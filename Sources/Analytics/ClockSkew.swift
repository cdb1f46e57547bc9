import Foundation
import GRDB
import ReportModel
import SectorData

/// The snapshot's data time against this server's clock, measured once per report inside its read transaction.
///
/// The data time is the latest of `meta.published_at`, the newest probe and the newest attendance row of the
/// as-of day (or the next: a skew may cross midnight). When it leads as-of by more than `toleranceSeconds`, the
/// writer's clock is ahead of the server's: the lead is reported (`NodeReport.clockSkewSeconds`) and freshness and
/// today's rows are judged at the data's own time — the publication — so a probe "from the future" counts instead
/// of every school looking offline.
///
/// Only instants at most `horizonSeconds` ahead are taken as the data's time: one row dated 2099 (a broken or
/// hostile writer) does not move the judging instant, and a `published_at` far ahead is reported as skew while
/// freshness follows the newest probe or row within the horizon.
public struct ClockSkew: Sendable, Hashable {
    /// A lead up to this many seconds is ordinary (publication lag, small clock drift), not skew.
    public static let toleranceSeconds = 120
    /// Probes and rows further ahead of as-of than this are not taken as the data's time.
    static let horizonSeconds: TimeInterval = 24 * 3600

    /// The instant freshness and today's rows are judged at: as-of, or the data's time when it is ahead.
    let judgeAt: Date
    /// The data's lead over as-of in seconds, when past the tolerance; nil otherwise.
    let seconds: Int?

    /// No skew: everything is judged at `asOf`.
    static func none(_ asOf: Date) -> ClockSkew { ClockSkew(judgeAt: asOf, seconds: nil) }

    /// Measures the lead of the snapshot's data over `asOf` (this server's clock).
    static func measure(_ db: Database, asOf: Date, zone: TimeZone, publishedAt: Date?) throws -> ClockSkew {
        let from = SnapshotTime.format(asOf)
        let upTo = SnapshotTime.format(asOf.addingTimeInterval(horizonSeconds))
        // One seek each: `idx_probes_time` and `idx_attendance_day_recorded`.
        var evidence = try ContextQueries.newestProbe(db, after: from, upTo: upTo).flatMap(SnapshotTime.parse)
        for day in Set([SnapshotTime.formatDay(asOf, in: zone),
                        SnapshotTime.formatDay(asOf.addingTimeInterval(horizonSeconds), in: zone)]) {
            if let recorded = try ContextQueries.newestRecorded(db, day: day, after: from, upTo: upTo)
                .flatMap(SnapshotTime.parse) {
                evidence = max(evidence ?? recorded, recorded)
            }
        }
        let dataTime = [publishedAt, evidence].compactMap { $0 }.max() ?? asOf
        let lead = dataTime.timeIntervalSince(asOf)
        guard lead > Double(toleranceSeconds) else { return .none(asOf) }
        // Judged at the publication when it is within the horizon (not a replay, so the caches serve it), else at
        // the newest probe or row (a `published_at` years ahead says nothing of the data's time).
        let horizon = asOf.addingTimeInterval(horizonSeconds)
        let judgeAt: Date
        if let publishedAt, publishedAt <= horizon {
            judgeAt = max(asOf, publishedAt)
        } else {
            judgeAt = max(asOf, evidence ?? asOf)
        }
        return ClockSkew(judgeAt: judgeAt, seconds: Int(min(lead, 1e12).rounded(.down)))
    }
}
