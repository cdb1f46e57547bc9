import Analytics
import Foundation
import SectorData
import Testing
import TestSupport

/// Probes kept across refreshes (`ProbeTracker`) against an engine without cache and against the sqlite3 shell,
/// while the shell writes probes as a replicator would: new ones, late ones within the slack, and what moves
/// `probe_rewrites` (very late, replaced, pruned).
@Suite struct ProbeTrackerTests {
    let url: URL
    let path: String
    /// Half an hour after the sample's Monday-morning publication; the snapshot is republished at that time.
    let asOf = SampleFixtures.mondayMorning.addingTimeInterval(30 * 60)
    let schools: [String]

    init() throws {
        url = try SampleFixtures.freshSnapshot(schools: 12, seed: 5, historyDays: 2)
        path = url.path
        try SQLiteCLI.execute(path, script: "UPDATE meta SET value = '\(Self.stamp(30))' WHERE key = 'published_at';")
        schools = try SQLiteCLI.rows(path, "SELECT id FROM schools WHERE status = 'active' ORDER BY id").map { $0[0] }
    }

    /// The instant `minutes` after the sample's publication, as the snapshot writes it.
    static func stamp(_ minutes: Int) -> String {
        SnapshotTime.format(SampleFixtures.mondayMorning.addingTimeInterval(Double(minutes) * 60))
    }

    func probe(_ school: String, at minutes: Int, download: String) -> String {
        "INSERT INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms) "
            + "VALUES (\(school), '\(Self.stamp(minutes))', \(download), 5, 40);"
    }

    /// Active schools whose latest probe up to as-of failed or is older than 15 minutes, from the shell.
    func truthOffline() throws -> Int {
        let asOfText = SnapshotTime.format(asOf)
        return try SQLiteCLI.int(path, """
            SELECT count(*) FROM schools s JOIN connectivity_probes p ON p.school_id = s.id
            WHERE s.status = 'active'
              AND p.measured_at = (SELECT max(measured_at) FROM connectivity_probes q
                                   WHERE q.school_id = s.id AND q.measured_at <= '\(asOfText)')
              AND (p.download_mbps IS NULL OR p.measured_at < '\(Self.stamp(15))')
            """)
    }

    /// The cached engine's report equals one without any cache, and its offline count equals the shell's.
    func verify(_ engine: AnalyticsEngine, _ label: String, at instant: Date? = nil) throws {
        let at = instant ?? asOf
        let fast = try engine.report(for: nil, asOf: at)
        let plain = try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: nil, asOf: at)
        #expect(fast.figures.connectivity == plain.figures.connectivity, "\(label): connectivity")
        #expect(fast.children == plain.children, "\(label): children")
        #expect(fast.alerts == plain.alerts, "\(label): alerts")
        if instant == nil { #expect(fast.figures.connectivity.offline == (try truthOffline()), "\(label): offline") }
    }

    @Test func newLateAndRewrittenProbesMatchSQL() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "initial")
        #expect(summaries.statistics.probeFullLoads == 1)

        // A round of good probes, then school 0 fails twice (its outage starts at the first) and school 1 recovers.
        try SQLiteCLI.execute(path, script: schools.map { probe($0, at: 18, download: "60") }.joined())
        try verify(engine, "a new round")
        try SQLiteCLI.execute(path, script: probe(schools[0], at: 20, download: "NULL") + probe(schools[1], at: 20, download: "NULL"))
        try verify(engine, "two failures")
        try SQLiteCLI.execute(path, script: probe(schools[0], at: 26, download: "NULL") + probe(schools[1], at: 26, download: "90"))
        try verify(engine, "a second failure, a recovery")
        let offline = try engine.report(for: nil, asOf: asOf).figures.connectivity.offlineSchools
        #expect(offline.map(\.since) == [SnapshotTime.parse(Self.stamp(20))], "the outage starts at the first failure")
        #expect(summaries.statistics.probeFullLoads == 1, "new probes are applied, not read again")
        #expect(summaries.statistics.probeSchoolRereads == 0)

        // School 2: good, failed, failed; then a good probe between the failures arrives late (within the slack):
        // its outage now starts at the later failure.
        try SQLiteCLI.execute(path, script: probe(schools[2], at: 22, download: "NULL") + probe(schools[2], at: 28, download: "NULL"))
        try verify(engine, "school 2 fails")
        try SQLiteCLI.execute(path, script: probe(schools[2], at: 25, download: "70"))
        try verify(engine, "a late good probe")
        #expect(summaries.statistics.probeSchoolRereads == 1, "only the late probe's school is read again")
        #expect(summaries.statistics.probeFullLoads == 1)

        // Later than the slack, replaced in place, pruned: each moves probe_rewrites and everything is read again.
        try SQLiteCLI.execute(path, script: probe(schools[3], at: -40, download: "NULL"))
        try verify(engine, "a very late probe")
        #expect(summaries.statistics.probeFullLoads == 2)
        try SQLiteCLI.execute(path, script: """
            INSERT OR REPLACE INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms)
            VALUES (\(schools[0]), '\(Self.stamp(26))', 80, 5, 40);
            """)
        try verify(engine, "a replaced probe")
        #expect(summaries.statistics.probeFullLoads == 3)
        try SQLiteCLI.execute(path, script: "DELETE FROM connectivity_probes WHERE measured_at < '\(Self.stamp(19))';")
        try verify(engine, "pruned")
        #expect(summaries.statistics.probeFullLoads == 4)

        // A report at an instant before the newest probe is answered by SQL, and the tracker carries on after it.
        try verify(engine, "replayed earlier", at: SampleFixtures.mondayMorning.addingTimeInterval(24 * 60))
        try SQLiteCLI.execute(path, script: schools.map { probe($0, at: 29, download: "NULL") }.joined())
        try verify(engine, "every school fails")
        #expect(summaries.statistics.probeFullLoads == 4)
    }

    /// A probe arriving late by exactly the slack (`ChangeTokens.lateSlackMinutes` behind the newest) moves no
    /// token; the count of the slack before the mark still finds it (one second less and it would be missed).
    @Test func aProbeLateByTheWholeSlackIsSeen() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "initial")
        try SQLiteCLI.execute(path, script: schools.map { probe($0, at: 16, download: "60") }.joined())
        try verify(engine, "a round at 16")
        try SQLiteCLI.execute(path, script: probe(schools[0], at: 27, download: "60"))
        try verify(engine, "school 0 at 27")
        let token = try SQLiteCLI.rows(path, "SELECT token FROM change_tokens WHERE table_name = 'probe_rewrites'")
        try SQLiteCLI.execute(path, script: probe(schools[1], at: 27 - ChangeTokens.lateSlackMinutes, download: "NULL"))
        #expect(try SQLiteCLI.rows(path, "SELECT token FROM change_tokens WHERE table_name = 'probe_rewrites'") == token,
                "fixture: a probe late by the slack moves no token")
        try verify(engine, "school 1 fails, late by the slack")
        #expect(try engine.report(for: nil, asOf: asOf).figures.connectivity.offline == 1)
        #expect(summaries.statistics.probeSchoolRereads == 0, "newer than its school's latest: applied in place")
        #expect(summaries.statistics.probeFullLoads == 1)
    }
}
