import Foundation
import GRDB
import SectorData
import Testing
import TestSupport

/// The change-token triggers, driven through the sqlite3 shell as a replicator would write: every write to a
/// tracked table gives it a new token and leaves the others alone.
@Suite struct ChangeTokensTests {
    let path: String

    init() throws {
        path = try SampleFixtures.freshSnapshot(schools: 3, seed: 2, historyDays: 2).path
    }

    func tokens() throws -> ChangeTokens? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try ChangeTokens.read($0) }
    }

    /// The tracked names whose token changed after `script`.
    func changed(by script: String) throws -> Set<String> {
        let before = try #require(try tokens())
        try SQLiteCLI.execute(path, script: script)
        let after = try #require(try tokens())
        return Set(ChangeTokens.trackedNames.filter { before[$0] != after[$0] })
    }

    /// The stamp `minutes` after the newest `column` of `table`, as the snapshot writes it.
    func stamp(afterNewest column: String, of table: String) throws -> (Double) -> String {
        let newest = try SQLiteCLI.rows(path, "SELECT max(\(column)) FROM \(table)")[0][0]
        let base = try #require(SnapshotTime.parse(newest))
        return { minutes in SnapshotTime.format(base.addingTimeInterval(minutes * 60)) }
    }

    @Test func eachWriteChangesItsTableOnly() throws {
        #expect(try changed(by: "UPDATE students SET gender = gender WHERE id = (SELECT min(id) FROM students);") == ["students"])
        #expect(try changed(by: "INSERT INTO teachers (school_id, gender, active) SELECT min(id), 'F', 1 FROM schools;") == ["teachers"])
        #expect(try changed(by: "DELETE FROM intake_plans WHERE school_id = (SELECT min(school_id) FROM intake_plans);") == ["intake_plans"])
        #expect(try changed(by: "UPDATE classes SET name = name || 'x' WHERE id = (SELECT min(id) FROM classes);") == ["classes"])
        #expect(try changed(by: "UPDATE devices SET status = 'broken' WHERE id = (SELECT min(id) FROM devices);") == ["devices"])
        #expect(try changed(by: "UPDATE devices SET last_seen_at = '2026-11-23T02:40:00Z' WHERE kind = 'camera';").isEmpty,
                "heartbeats after the newest are not tracked")
        let newest = "(SELECT max(day) FROM attendance)"
        #expect(try changed(by: """
            UPDATE attendance SET status = 'late', recorded_at = '2026-11-23T02:29:00Z'
            WHERE day = \(newest) AND student_id = (SELECT min(student_id) FROM attendance);
            """).isEmpty, "corrections of the newest day carry recorded_at instead")
        #expect(try changed(by: """
            UPDATE attendance SET status = 'late', recorded_at = '2026-11-23T02:29:00Z'
            WHERE day < \(newest) AND student_id = (SELECT min(student_id) FROM attendance);
            """) == [ChangeTokens.pastAttendance], "a correction of an older day")
        #expect(try changed(by: """
            INSERT INTO attendance (day, student_id, class_id, school_id, status, recorded_at, source)
            SELECT '2026-11-24', id, class_id, school_id, 'present', '2026-11-24T00:30:00Z', 'gate' FROM students LIMIT 3;
            """).isEmpty, "rows of a new newest day")
        #expect(try changed(by: """
            INSERT OR IGNORE INTO attendance (day, student_id, class_id, school_id, status, recorded_at, source)
            SELECT '2026-11-20', id, class_id, school_id, 'present', '2026-11-24T00:31:00Z', 'gate' FROM students;
            """) == [ChangeTokens.pastAttendance], "a late entry for an older day")
        #expect(try changed(by: "DELETE FROM attendance WHERE student_id = (SELECT min(student_id) FROM attendance);")
                == [ChangeTokens.attendanceDeletions])
        #expect(try changed(by: "UPDATE schools SET name = name WHERE id = (SELECT min(id) FROM schools);") == ["schools"])
    }

    /// Today's rows are read by `recorded_at` from the last mark on: a write stamped before its day's newest row
    /// moves `late_attendance`; a row moved to another student or day counts as a deletion.
    @Test func attendanceWritesMoveTokensOnlyWhenReadingByStampWouldMissThem() throws {
        let row = "day = (SELECT max(day) FROM attendance) AND student_id = (SELECT min(student_id) FROM attendance WHERE day = (SELECT max(day) FROM attendance))"
        #expect(try changed(by: "UPDATE attendance SET status = 'late', recorded_at = '2026-11-24T00:00:00Z' WHERE \(row);").isEmpty,
                "a correction stamped after everything")
        #expect(try changed(by: "UPDATE attendance SET status = 'excused', recorded_at = '2026-11-24T00:00:00Z' WHERE \(row);").isEmpty,
                "one stamped in the same second as the newest")
        #expect(try changed(by: "UPDATE attendance SET status = 'present', recorded_at = '2000-01-01T00:00:00Z' WHERE \(row);")
                == [ChangeTokens.lateAttendance], "a correction stamped before the day's newest row")
        #expect(try changed(by: "UPDATE attendance SET student_id = -1, recorded_at = '2026-11-25T00:00:00Z' WHERE \(row);")
                == [ChangeTokens.attendanceDeletions], "a row moved to another student")
    }

    /// Probes are read by `measured_at`: new ones, and ones up to the slack behind the newest, move nothing;
    /// whatever reading by time would miss moves `probe_rewrites`.
    @Test func probesMoveTheirTokenOnlyForWhatReadingByTimeMisses() throws {
        let at = try stamp(afterNewest: "measured_at", of: "connectivity_probes")
        let school = try SQLiteCLI.rows(path, "SELECT min(id) FROM schools")[0][0]
        func insert(_ minutes: Double, or: String = "") -> String {
            "INSERT \(or) INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms) "
                + "VALUES (\(school), '\(at(minutes))', 50, 10, 30);"
        }
        #expect(try changed(by: insert(5)).isEmpty, "a new probe")
        #expect(try changed(by: insert(-4)).isEmpty, "a probe within the slack behind the newest")
        let slack = Double(ChangeTokens.lateSlackMinutes)
        #expect(try changed(by: insert(5 - slack - 1)) == [ChangeTokens.probeRewrites], "a probe later than the slack")
        #expect(try changed(by: insert(5, or: "OR REPLACE")) == [ChangeTokens.probeRewrites], "a probe replaced")
        #expect(try changed(by: "UPDATE connectivity_probes SET latency_ms = 31 WHERE measured_at = '\(at(5))';")
                == [ChangeTokens.probeRewrites], "a probe rewritten")
        #expect(try changed(by: "DELETE FROM connectivity_probes WHERE measured_at < '\(at(-60))';")
                == [ChangeTokens.probeRewrites], "old probes pruned")
    }

    /// Heartbeats are read by `last_seen_at` from the newest one seen: one written behind the newest heartbeat of
    /// any device, or cleared, moves `late_heartbeats`; the same value again, or the newest second again, does not.
    @Test func heartbeatsMoveTheirTokenOnlyForWhatReadingByTimeMisses() throws {
        let at = try stamp(afterNewest: "last_seen_at", of: "devices")
        func beat(_ minutes: Double, device: String = "(SELECT min(id) FROM devices WHERE kind = 'camera')") -> String {
            "UPDATE devices SET last_seen_at = '\(at(minutes))' WHERE id = \(device);"
        }
        let router = "(SELECT min(id) FROM devices WHERE kind = 'router')"
        #expect(try changed(by: beat(1)).isEmpty, "a heartbeat after the newest")
        #expect(try changed(by: beat(1, device: router)).isEmpty, "another device in the newest second")
        #expect(try changed(by: beat(1)).isEmpty, "the same value again")
        #expect(try changed(by: beat(0.5, device: router)) == [ChangeTokens.lateHeartbeats], "behind the newest")
        #expect(try changed(by: beat(0.9)) == [ChangeTokens.lateHeartbeats], "the newest moved back")
        #expect(try changed(by: "UPDATE devices SET last_seen_at = NULL WHERE id = \(router);")
                == [ChangeTokens.lateHeartbeats], "cleared")
        #expect(try changed(by: "UPDATE devices SET status = 'broken', last_seen_at = last_seen_at WHERE id = \(router);")
                == ["devices"], "a status change")
    }

    @Test func aMissingTriggerMeansNoTokens() throws {
        #expect(try tokens() != nil)
        try SQLiteCLI.execute(path, script: "DROP TRIGGER change_tokens_students_update;")
        #expect(try tokens() == nil, "without every trigger nothing can be trusted")
    }

    @Test func theSameOptionsGiveTheSameLineageAndOthersDoNot() throws {
        let same = try SampleFixtures.freshSnapshot(schools: 3, seed: 2, historyDays: 2).path
        let other = try SampleFixtures.freshSnapshot(schools: 4, seed: 2, historyDays: 2).path
        let lineage = { (file: String) in try SQLiteCLI.rows(file, "SELECT token FROM change_tokens WHERE table_name = 'lineage'")[0][0] }
        #expect(try lineage(path) == lineage(same))
        #expect(try lineage(path) != lineage(other))
    }
}
