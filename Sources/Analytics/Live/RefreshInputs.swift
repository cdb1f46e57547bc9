import GRDB
import SectorData

/// What one refresh reads once and every cache and the report builder share: the caches, the snapshot's change
/// tokens, the students in compact form and their version, and the key the caches' content belongs to. Typed
/// keys for each tracker are made from it here, never spelled as strings.
struct RefreshInputs {
    let caches: LiveCaches
    /// The snapshot's change tokens (nil: it has none, every table is read each time).
    let tokens: ChangeTokens?
    /// Every student in compact form.
    let students: StudentFacts
    /// The `students` token, or the students' fingerprint without tokens.
    let studentsVersion: Int64
    let key: SummaryKey
    let day: ReportDay

    /// The inputs of this transaction, reading the students when their token moved; nil when they do not fit the
    /// compact form (which rows count depends on the students: without them the SQL path answers).
    /// `identity` names the snapshot file (`AnalyticsEngine.summaryKey`).
    static func read(_ db: Database, caches: LiveCaches, tokens: ChangeTokens?, identity: String,
                     day: ReportDay) throws -> RefreshInputs? {
        guard let students = try caches.roster.students(db, tokens: tokens) else { return nil }
        let version = tokens?.students ?? students.fingerprint
        return RefreshInputs(caches: caches, tokens: tokens, students: students, studentsVersion: version,
                             key: SummaryKey(identity: identity, tokens: tokens, studentsVersion: version), day: day)
    }

    /// The held probes' key, when the snapshot tracks `probe_rewrites`.
    var probeKey: ProbeTracker.Key? {
        tokens?.probeRewritesToken.map { ProbeTracker.Key(summary: key, probeRewrites: $0) }
    }

    /// The held heartbeats' key, when the snapshot tracks `devices` and `late_heartbeats`.
    var heartbeatKey: HeartbeatTracker.Key? {
        guard let devices = tokens?.devices, let late = tokens?.lateHeartbeatsToken else { return nil }
        return HeartbeatTracker.Key(summary: key, devices: devices, lateHeartbeats: late)
    }

    /// The `students` token (nil without tokens: a chronic base is then built afresh and not kept).
    var studentsToken: Int64? { tokens?.students }
}
