import Foundation
import GRDB
import SectorData
import Testing
import TestSupport

/// Issue 14: a read that runs too long is stopped with a clear error, and the value audit `check` uses names the
/// tables whose rows the console leaves out.
@Suite("Snapshot time limit and value audit")
struct SnapshotLimitsTests {
    @Test func aReadPastTheTimeLimitIsStoppedWithAClearError() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("snapshot.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            let snapshot = try Snapshot.open(at: url, queryTimeLimit: 0.5)
            let started = Date()
            var caught: (any Error)?
            do {
                _ = try snapshot.read { db in
                    try Int.fetchOne(db, sql: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n")
                }
            } catch {
                caught = error
            }
            let elapsed = Date().timeIntervalSince(started)
            let error = try #require(caught, "an endless query must be stopped")
            #expect(snapshot.explain(error) == .timedOut(path: url.path, seconds: 1))
            #expect(snapshot.explain(error).description.contains("took longer than 1 s"))
            #expect(elapsed < 5, "stopped after \(elapsed) s")
            // The connection stays usable: the next read answers.
            #expect(try snapshot.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM schools") } ?? 0 > 0)
        }
    }

    @Test func aQuickReadIsNotInterruptedLater() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("snapshot.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            let snapshot = try Snapshot.open(at: url, queryTimeLimit: 0.3)
            _ = try snapshot.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
            usleep(600_000)  // past the first read's limit: its watchdog must be gone
            let count = try snapshot.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM schools") }
            #expect((count ?? 0) > 0)
        }
    }

    @Test func theAuditNamesTablesWithUnusableValuesAndOnlyThose() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("snapshot.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            #expect(try Snapshot.open(at: url).valueFindings().isEmpty, "a clean snapshot has no findings")
            // Loosen the tables so a writer without constraints can store what the contract forbids.
            try SnapshotFiles.execute("""
                PRAGMA foreign_keys = OFF;
                CREATE TABLE s2 AS SELECT * FROM schools; DROP TABLE schools; ALTER TABLE s2 RENAME TO schools;
                CREATE TABLE c2 AS SELECT * FROM classes; DROP TABLE classes; ALTER TABLE c2 RENAME TO classes;
                UPDATE schools SET name = NULL WHERE id = (SELECT min(id) FROM schools);
                UPDATE schools SET unit_id = 'abc' WHERE id = (SELECT max(id) FROM schools);
                UPDATE classes SET grade = 'x' WHERE id = (SELECT min(id) FROM classes);
                """, at: url)
            let findings = try Snapshot.open(at: url).valueFindings()
            #expect(findings == [
                .init(table: "schools", rows: 2, columns: ["name", "unit_id"]),
                .init(table: "classes", rows: 1, columns: ["grade"]),
            ])
            #expect(findings.first?.description.hasPrefix("schools: 2 rows with a NULL, mistyped or out-of-range value") == true)
            // The sqlite3 CLI agrees on the rows.
            let bad = try SnapshotFiles.sqlite3(url, "SELECT count(*) FROM schools WHERE name IS NULL OR typeof(unit_id) <> 'integer'")
            #expect(bad.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        }
    }
}
