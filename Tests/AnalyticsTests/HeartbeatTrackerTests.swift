import Analytics
import Foundation
import SectorData
import Testing
import TestSupport

/// Heartbeats kept across refreshes (`HeartbeatTracker`) against an engine without cache and against the sqlite3
/// shell, while the shell writes heartbeats as a replicator would: in order, in the same second as the newest,
/// out of order, moved back, cleared, and with devices retired and added.
@Suite struct HeartbeatTrackerTests {
    let url: URL
    let path: String
    /// Half an hour after the sample's Monday-morning publication: the generated heartbeats (before publication)
    /// have left the 15-minute window, so every device seen was written by the test.
    let asOf = SampleFixtures.mondayMorning.addingTimeInterval(30 * 60)
    let cameras: [String]
    let gates: [String]

    init() throws {
        url = try SampleFixtures.freshSnapshot(schools: 12, seed: 7, historyDays: 2)
        path = url.path
        let school = try SQLiteCLI.int(path, "SELECT min(id) FROM schools WHERE status = 'active'")
        try SQLiteCLI.execute(path, script: """
            UPDATE meta SET value = '\(Self.stamp(30))' WHERE key = 'published_at';
            INSERT INTO devices (school_id, kind, status, last_seen_at) VALUES
                (\(school), 'attendance_gate', 'working', '\(Self.stamp(-3))'),
                (\(school), 'attendance_gate', 'working', NULL);
            """)
        cameras = try SQLiteCLI.rows(path, """
            SELECT id FROM devices WHERE kind = 'camera' AND status <> 'retired' ORDER BY id LIMIT 8
            """).map { $0[0] }
        gates = try SQLiteCLI.rows(path, """
            SELECT id FROM devices WHERE kind = 'attendance_gate' AND status <> 'retired' ORDER BY id
            """).map { $0[0] }
    }

    /// The instant `minutes` after the sample's publication, as the snapshot writes it.
    static func stamp(_ minutes: Int, seconds: Int = 0) -> String {
        SnapshotTime.format(SampleFixtures.mondayMorning.addingTimeInterval(Double(minutes * 60 + seconds)))
    }

    func beat(_ ids: [String], at minutes: Int, seconds: Int = 0) -> String {
        "UPDATE devices SET last_seen_at = '\(Self.stamp(minutes, seconds: seconds))' WHERE id IN (\(ids.joined(separator: ", ")));"
    }

    /// Publishes the snapshot again, `minutes` after the sample's publication (the data's time: what counts as seen
    /// is measured back from it).
    func republish(at minutes: Int) throws {
        try SQLiteCLI.execute(path, script: "UPDATE meta SET value = '\(Self.stamp(minutes))' WHERE key = 'published_at';")
    }

    /// Cameras and gates (not retired) seen in the 15 minutes up to `instant`, from the shell.
    func truth(at instant: Date) throws -> (cameras: Int, gates: Int) {
        let until = SnapshotTime.format(instant)
        let since = SnapshotTime.format(instant.addingTimeInterval(-15 * 60))
        let row = try SQLiteCLI.rows(path, """
            SELECT coalesce(sum(kind = 'camera'), 0), coalesce(sum(kind = 'attendance_gate'), 0) FROM devices
            WHERE status <> 'retired' AND last_seen_at BETWEEN '\(since)' AND '\(until)'
            """)[0]
        return (Int(row[0]) ?? -1, Int(row[1]) ?? -1)
    }

    /// The cached engine's report equals one without any cache, and its province counts equal the shell's.
    @discardableResult
    func verify(_ engine: AnalyticsEngine, _ label: String, at instant: Date? = nil) throws -> (cameras: Int, gates: Int) {
        let at = instant ?? asOf
        let fast = try engine.report(for: nil, asOf: at)
        let plain = try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: nil, asOf: at)
        let expected = try truth(at: at)
        #expect(fast.figures.devices.camerasOnline == expected.cameras, "\(label): cameras")
        #expect(fast.figures.devices.gatesOnline == expected.gates, "\(label): gates")
        #expect(fast.figures.devices == plain.figures.devices, "\(label): devices")
        #expect(fast.children == plain.children, "\(label): children")
        return expected
    }

    @Test func heartbeatsInOrderAreReadSinceTheMarkAndTheRestReadsEverything() throws {
        #expect(gates.count >= 2 && cameras.count == 8, "fixture: gates \(gates.count), cameras \(cameras.count)")
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        #expect(try verify(engine, "initial") == (0, 0), "the generated heartbeats are older than the window")
        #expect(summaries.statistics.heartbeatFullLoads == 1)

        // In order: a round of cameras, then gates (one had never reported), then more devices in the newest second.
        try SQLiteCLI.execute(path, script: beat(Array(cameras[0..<4]), at: 18))
        #expect(try verify(engine, "four cameras") == (4, 0))
        try SQLiteCLI.execute(path, script: beat(gates, at: 20))
        #expect(try verify(engine, "the gates") == (4, gates.count))
        try SQLiteCLI.execute(path, script: beat(Array(cameras[4..<6]), at: 20))
        #expect(try verify(engine, "the same second") == (6, gates.count))
        #expect(summaries.statistics.heartbeatFullLoads == 1, "heartbeats in order are applied, not read again")

        // Time passes: the first round leaves the window without any heartbeat written.
        try republish(at: 34)
        #expect(try verify(engine, "four minutes later", at: asOf.addingTimeInterval(4 * 60)) == (2, gates.count))
        #expect(summaries.statistics.heartbeatFullLoads == 1)
        try republish(at: 30)

        // Behind the newest, moved back, cleared: each moves late_heartbeats and every device is read again.
        try SQLiteCLI.execute(path, script: beat([cameras[6]], at: 19))
        #expect(try verify(engine, "out of order") == (7, gates.count))
        #expect(summaries.statistics.heartbeatFullLoads == 2)
        try SQLiteCLI.execute(path, script: beat([cameras[4]], at: 10))
        #expect(try verify(engine, "moved back out of the window") == (6, gates.count))
        #expect(summaries.statistics.heartbeatFullLoads == 3)
        try SQLiteCLI.execute(path, script: "UPDATE devices SET last_seen_at = NULL WHERE id = \(gates[0]);")
        #expect(try verify(engine, "cleared") == (6, gates.count - 1))
        #expect(summaries.statistics.heartbeatFullLoads == 4)

        // A camera retired and one added move the devices token: read again.
        try SQLiteCLI.execute(path, script: "UPDATE devices SET status = 'retired' WHERE id = \(cameras[0]);")
        #expect(try verify(engine, "retired") == (5, gates.count - 1))
        try SQLiteCLI.execute(path, script: """
            INSERT INTO devices (school_id, kind, status, last_seen_at)
            SELECT school_id, 'camera', 'working', '\(Self.stamp(25))' FROM devices WHERE id = \(cameras[1]);
            """)
        #expect(try verify(engine, "added") == (6, gates.count - 1))
        #expect(summaries.statistics.heartbeatFullLoads == 6)

        // A heartbeat newer than as-of is not counted; the next in order carries on without a full read.
        try SQLiteCLI.execute(path, script: beat([cameras[7]], at: 31))
        #expect(try verify(engine, "after as-of") == (6, gates.count - 1))
        try SQLiteCLI.execute(path, script: beat([cameras[7]], at: 31, seconds: 30) + beat([cameras[3]], at: 32))
        try republish(at: 32)
        #expect(try verify(engine, "in order again", at: asOf.addingTimeInterval(2 * 60)) == (7, gates.count - 1))
        #expect(summaries.statistics.heartbeatFullLoads == 6)
    }

    /// The newest second is counted, not read again: a refresh with nothing new reads no heartbeat, and one that
    /// lands at the held second is still seen — also while another device leaves that second for a newer one
    /// (so the second's count alone is unchanged).
    @Test func heartbeatsLandingAtTheMarkSecondAreSeenWithoutReadingItAgain() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        #expect(try verify(engine, "initial") == (0, 0))
        try SQLiteCLI.execute(path, script: beat(Array(cameras[0..<3]), at: 18))
        #expect(try verify(engine, "three cameras at 18") == (3, 0))
        let read = summaries.statistics.heartbeatsRead
        #expect(try verify(engine, "nothing new") == (3, 0))
        #expect(summaries.statistics.heartbeatsRead == read, "the devices at the newest second are not read again")

        // Written after the refresh, in the newest second: the mark does not move, the count shows it.
        try SQLiteCLI.execute(path, script: beat([cameras[3]], at: 18))
        #expect(try verify(engine, "one more at 18") == (4, 0))
        // Another lands at 18 while one leaves 18 for 20 (in that order: 18 is then not behind the newest): the
        // second still holds four devices.
        try SQLiteCLI.execute(path, script: beat([cameras[4]], at: 18) + beat([cameras[0]], at: 20))
        #expect(try verify(engine, "one leaves the second, one lands in it") == (5, 0))
        // And at the new mark, in the same second.
        try SQLiteCLI.execute(path, script: beat([cameras[5]] + gates, at: 20))
        #expect(try verify(engine, "at the new mark") == (6, gates.count))
        #expect(summaries.statistics.heartbeatFullLoads == 1, "none of these reads every device again")
    }
}
