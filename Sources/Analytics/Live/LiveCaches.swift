import Foundation

/// The caches kept across refreshes, as peers: each owns its state and its part of the warm-start file.
///
/// - `PastDayCache`: past school days' trend counts and every student's absences before the report day;
/// - `TodayAttendance`: the report day's rows, updated from what was written since the last refresh;
/// - `RosterCache` (with `StudentFacts`): students, enrollment and other slow-table figures, kept while their
///   change tokens stand;
/// - `ProbeTracker`: every school's latest probe; `HeartbeatTracker`: every camera's and gate's last heartbeat;
/// - `CheckInDays`: the wall's check-in curve's comparison days per school (today's comes from `TodayAttendance`).
///
/// All are keyed by `SummaryKey` (the snapshot's lineage or file identity, and the students' version) and typed
/// keys of the change tokens they depend on; `RefreshInputs` is what one refresh gives them. `SummaryStore` writes
/// the warm-start file. Owned by whoever keeps engines across refreshes (the console's data source); every
/// cache is shared safely through its own mutex.
public final class LiveCaches: Sendable {
    /// Delivery lag tolerated (`LagMargin.seconds`): days and rows written within it before as-of are re-read.
    public static let lagMargin: TimeInterval = LagMargin.seconds

    /// Past school days: the trend's counts and the absences before the report day.
    let pastDays = PastDayCache()
    /// The report day's rows, updated from what was written since the last refresh.
    let today = TodayAttendance()
    /// Enrollment and other slow-table figures, kept while their change tokens stand.
    let roster = RosterCache()
    /// Every school's latest probe, updated from the probes measured since the last refresh.
    let probes = ProbeTracker()
    /// Every camera's and gate's last heartbeat, updated from the heartbeats written since the last refresh.
    let heartbeats = HeartbeatTracker()
    /// The check-in curve's comparison days and enrolled counts per school.
    let checkInDays = CheckInDays()

    /// Creates empty caches.
    public init() {}

    /// What the caches have done so far (for tests and the benchmark).
    public struct Statistics: Sendable, Equatable {
        /// Past days summarised from raw rows (initially and after corrections).
        public let dayComputations: Int
        /// Students whose absences were recounted after corrections.
        public let studentRecounts: Int
        /// Times the cache was emptied (new snapshot identity, or rows went missing).
        public let resets: Int
        /// Past days currently held.
        public let cachedDays: Int
        /// Times the report day's rows were read in full.
        public let todayFullLoads: Int
        /// Report-day rows applied (full loads and increments).
        public let todayRowsApplied: Int
        /// Times every school's latest probe was read from SQL (first report, `probe_rewrites` moved).
        public let probeFullLoads: Int
        /// Schools whose probes were read again after a probe arrived late, behind their latest.
        public let probeSchoolRereads: Int
        /// Times every camera and gate was read from SQL (first report, `devices` or `late_heartbeats` moved).
        public let heartbeatFullLoads: Int
        /// Heartbeats read after the newest one seen (or at its second again, when one arrived there).
        public let heartbeatsRead: Int
        /// Check-in curve days read from raw rows (`CheckInDays`; a comparison day is then kept).
        public let checkInDayComputations: Int
    }

    /// Times the students table was read in full (for tests and the benchmark).
    public var rosterStudentLoads: Int { roster.studentLoads }

    /// Counters describing the work done so far.
    public var statistics: Statistics {
        let past = pastDays.statistics, todayStats = today.statistics
        let probeStats = probes.statistics, heartbeatStats = heartbeats.statistics
        return Statistics(dayComputations: past.dayComputations, studentRecounts: past.studentRecounts,
                          resets: past.resets, cachedDays: past.cachedDays, todayFullLoads: todayStats.fullLoads,
                          todayRowsApplied: todayStats.rowsApplied, probeFullLoads: probeStats.fullLoads,
                          probeSchoolRereads: probeStats.schoolRereads, heartbeatFullLoads: heartbeatStats.fullLoads,
                          heartbeatsRead: heartbeatStats.heartbeatsRead,
                          checkInDayComputations: checkInDays.dayComputations)
    }

    /// Drops everything, today's rows and the roster included (the next report recomputes).
    public func invalidate() {
        pastDays.invalidate()
        today.invalidate()
        roster.invalidate()
        probes.invalidate()
        heartbeats.invalidate()
        checkInDays.invalidate()
    }

    /// Called when the snapshot path was opened again (after a rename, or after it went missing or bad).
    /// Summaries keyed by lineage stay: the next report checks them against the new file's tokens and day marks.
    /// Summaries keyed by file identity are dropped: a file restored at the same path can reuse the old inode,
    /// so identity alone cannot tell that its content changed.
    public func snapshotReopened() {
        if !isKeyedByLineage { invalidate() }
    }

    /// Counts of the work done that a warm-start file keeps: (past days, absences and roster; today's rows).
    public var revision: (material: Int, today: Int) {
        let todayStats = today.statistics
        return (pastDays.revision + roster.studentLoads, todayStats.fullLoads + todayStats.rowsApplied)
    }

    /// Whether the summaries are keyed by the snapshot's lineage (only those are worth a warm-start file: a later
    /// process cannot check a file identity).
    public var isKeyedByLineage: Bool { pastDays.isKeyedByLineage }

    // MARK: Warm-start file

    /// What the warm-start file holds: the past days, today's rows and the roster, all or nothing.
    struct Restored {
        let pastDays: PastDayCache.State
        let today: TodayAttendance.State
        let roster: RosterCache.State
    }

    /// Writes every cache's part for `SummaryStore`; false when the summaries are keyed by file identity (which a
    /// later process cannot check) or hold nothing.
    func encode(into w: inout BinaryWriter) -> Bool {
        guard pastDays.encode(into: &w) else { return false }
        today.encode(into: &w)
        roster.encode(into: &w)
        return true
    }

    /// Reads what `encode` wrote, without installing it.
    static func decode(from r: inout BinaryReader) throws -> Restored {
        Restored(pastDays: try PastDayCache.decode(from: &r), today: try TodayAttendance.decode(from: &r),
                 roster: try RosterCache.decode(from: &r))
    }

    /// Installs what a warm-start file held; the next report checks it against the snapshot like any refresh.
    func install(_ restored: Restored) {
        pastDays.install(restored.pastDays)
        today.install(restored.today)
        roster.install(restored.roster)
    }
}

/// The name the console, the bench and the tests have used for the caches (now `LiveCaches`).
public typealias PastDaySummaries = LiveCaches
