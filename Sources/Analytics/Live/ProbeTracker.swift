import Foundation
import GRDB
import SectorData
import Synchronization

/// Every school's latest probe state, kept across refreshes and updated from the probes measured since the last.
///
/// The first read (and any after `probe_rewrites` moved) asks SQL for every school's latest probe — one seek per
/// school. After that, a refresh reads only what is new, by `measured_at` in the contract's covering
/// `idx_probes_time`:
/// - the newest `measured_at` (one seek); a probe newer than as-of sends the report to SQL instead;
/// - the number of probes from `ChangeTokens.lateSlackMinutes` before the last mark up to that mark (a probe
///   further behind moves the token). Probes are only ever inserted while the token stands, so an unchanged
///   count means none arrived late; then only the probes newer than the mark are read. Otherwise the whole window is read and the
///   probes not seen before (the window's keys are kept, in time order) are applied;
/// - a probe newer than its school's latest moves the state on (latest, last good, start of the failing streak)
///   exactly as the SQL defines them; one at or before it (late, within the window) has its school asked again.
///
/// The change-token triggers move `probe_rewrites` on whatever this would miss (rewrites, deletions, probes
/// arriving more than `ChangeTokens.lateSlackMinutes` behind the newest). Without tokens it is not used.
final class ProbeTracker: Sendable {
    /// What the held probes belong to: the snapshot and its `probe_rewrites` token.
    struct Key: Equatable, Sendable {
        let summary: SummaryKey
        let probeRewrites: Int64
    }

    /// A probe's identity: its primary key.
    struct ProbeKey: Hashable, Sendable {
        let school: Int64
        let measuredAt: String
    }

    struct State: Sendable {
        var key: Key?
        /// The newest `measured_at` applied.
        var mark: String?
        var bySchool: [Int64: FigureQueries.Probe] = [:]
        /// Probes in the window up to `mark`, already applied, in `measured_at` order.
        var window: [ProbeKey] = []
        var fullLoads = 0
        var schoolRereads = 0
    }

    private let state = Mutex(State())

    /// (full loads, schools asked again after a late probe) so far.
    var statistics: (fullLoads: Int, schoolRereads: Int) { state.withLock { ($0.fullLoads, $0.schoolRereads) } }

    /// Forgets every school (the next call reads them all); the statistics are kept.
    func invalidate() {
        state.withLock { s in s = State(fullLoads: s.fullLoads, schoolRereads: s.schoolRereads) }
    }

    /// Every school's latest probe at `queries`' as-of, or nil when SQL must answer (a probe newer than as-of).
    /// `queries` is the province-wide query set.
    func probes(_ db: Database, key: Key, queries: FigureQueries) throws -> [Int64: FigureQueries.Probe]? {
        let asOf = queries.day.asOfText
        let mark = try LiveQueries.probeMark(db)
        if let mark, mark > asOf { return nil }
        return try state.withLock { s -> [Int64: FigureQueries.Probe] in
            if !LagMargin.carriesOn(heldKey: s.key, heldMark: s.mark, key: key, mark: mark) {
                s = State(key: key, mark: mark, bySchool: try queries.probesBySchool(), window: [],
                          fullLoads: s.fullLoads + 1, schoolRereads: s.schoolRereads)
                if let mark { s.window = try Self.keys(db, after: LagMargin.start(before: mark), upTo: mark) }
                return s.bySchool
            }
            // Same key and no probe at all, then or now.
            guard let mark, let old = s.mark else { return s.bySchool }
            // The window holds exactly the probes after `start` up to `old` (trimmed when `old` was read). A probe
            // arriving without moving the token is at most the slack behind the newest probe when it arrived, so
            // at or after `old` minus the slack: only that part of the window is counted.
            let start = LagMargin.start(before: old)
            let slackStart = Self.slackStart(before: old)
            let heldInSlack = s.window.count - Self.count(in: s.window, before: slackStart)
            let lateArrivals = try LiveQueries.probeCount(db, from: slackStart, upTo: old) != heldInSlack
            // Without late arrivals every probe after the old mark is new; with them, the window is read again and
            // the probes not seen before are picked out.
            let seen: Set<ProbeKey> = lateArrivals ? Set(s.window) : []
            if lateArrivals { s.window.removeAll() }
            var stale = Set<Int64>()
            let rows = try LiveQueries.probes(db, after: lateArrivals ? start : old, upTo: mark)
            while let row = try rows.next() {
                guard let school = row.checkedInt64(0), let measuredAt = row.checkedText(1) else { continue }
                let probeKey = ProbeKey(school: school, measuredAt: measuredAt)
                s.window.append(probeKey)
                if lateArrivals && seen.contains(probeKey) { continue }
                if let latest = s.bySchool[probeKey.school], probeKey.measuredAt <= latest.latestAt {
                    stale.insert(probeKey.school)
                } else {
                    s.bySchool[probeKey.school] = Self.advance(s.bySchool[probeKey.school], to: probeKey.measuredAt,
                                                               download: row.checkedDouble(2), latency: row.checkedDouble(3))
                }
            }
            if !stale.isEmpty {
                let reread = FigureQueries(db: db, filter: .schools(stale.sorted()), day: queries.day, config: queries.config)
                for (school, probe) in try reread.probesBySchool() { s.bySchool[school] = probe }
                s.schoolRereads += stale.count
            }
            s.window.removeFirst(Self.count(in: s.window, atOrBefore: LagMargin.start(before: mark)))
            s.mark = mark
            return s.bySchool
        }
    }

    /// How many of the (time-ordered) keys were measured at or before `instant`.
    private static func count(in window: [ProbeKey], atOrBefore instant: String) -> Int {
        var low = 0, high = window.count
        while low < high {
            let mid = (low + high) / 2
            if window[mid].measuredAt <= instant { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// How many of the (time-ordered) keys were measured before `instant`.
    private static func count(in window: [ProbeKey], before instant: String) -> Int {
        var low = 0, high = window.count
        while low < high {
            let mid = (low + high) / 2
            if window[mid].measuredAt < instant { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// `ChangeTokens.lateSlackMinutes` before `mark`, as the trigger computes it (`mark` itself when it is not a
    /// snapshot timestamp, so the whole window from the mark on is counted).
    static func slackStart(before mark: String) -> String {
        let slack = TimeInterval(ChangeTokens.lateSlackMinutes * 60)
        return SnapshotTime.parse(mark).map { SnapshotTime.format($0.addingTimeInterval(-slack)) } ?? mark
    }

    /// A school's state after a probe newer than its latest: as `FigureQueries.probesBySchool` defines it.
    static func advance(_ previous: FigureQueries.Probe?, to measuredAt: String, download: Double?,
                        latency: Double?) -> FigureQueries.Probe {
        if download != nil {
            return FigureQueries.Probe(latestAt: measuredAt, download: download, latency: latency, lastGoodAt: measuredAt,
                                       firstFailedAfterGood: nil)
        }
        // A failed probe: the failing streak starts here unless the previous latest had already failed.
        let streakStart = previous.flatMap { $0.download == nil ? $0.firstFailedAfterGood : nil } ?? measuredAt
        return FigureQueries.Probe(latestAt: measuredAt, download: nil, latency: latency,
                                   lastGoodAt: previous?.lastGoodAt, firstFailedAfterGood: streakStart)
    }

    /// The keys of the probes measured after `start` up to `mark`, in time order.
    private static func keys(_ db: Database, after start: String, upTo mark: String) throws -> [ProbeKey] {
        var result: [ProbeKey] = []
        let rows = try LiveQueries.probes(db, after: start, upTo: mark)
        while let row = try rows.next() {
            guard let school = row.checkedInt64(0), let measuredAt = row.checkedText(1) else { continue }
            result.append(ProbeKey(school: school, measuredAt: measuredAt))
        }
        return result
    }
}
