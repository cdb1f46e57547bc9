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

    @Test func eachWriteChangesItsTableOnly() throws {
        #expect(try changed(by: "UPDATE students SET gender = gender WHERE id = (SELECT min(id) FROM students);") == ["students"])
        #expect(try changed(by: "INSERT INTO teachers (school_id, gender, active) SELECT min(id), 'F', 1 FROM schools;") == ["teachers"])
        #expect(try changed(by: "DELETE FROM intake_plans WHERE school_id = (SELECT min(school_id) FROM intake_plans);") == ["intake_plans"])
        #expect(try changed(by: "UPDATE classes SET name = name || 'x' WHERE id = (SELECT min(id) FROM classes);") == ["classes"])
        #expect(try changed(by: "UPDATE devices SET status = 'broken' WHERE id = (SELECT min(id) FROM devices);") == ["devices"])
        #expect(try changed(by: "UPDATE devices SET last_seen_at = '2026-11-23T02:29:00Z';").isEmpty, "heartbeats are not tracked")
        #expect(try changed(by: """
            UPDATE attendance SET status = 'late', recorded_at = '2026-11-23T02:29:00Z'
            WHERE student_id = (SELECT min(student_id) FROM attendance);
            """).isEmpty, "corrections carry recorded_at instead")
        #expect(try changed(by: "DELETE FROM attendance WHERE student_id = (SELECT min(student_id) FROM attendance);")
                == [ChangeTokens.attendanceDeletions])
        #expect(try changed(by: "UPDATE schools SET name = name WHERE id = (SELECT min(id) FROM schools);") == ["schools"])
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
