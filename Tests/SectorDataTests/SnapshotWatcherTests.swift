import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import SectorData
import Testing
import TestSupport

@Suite("SnapshotWatcher with real files, a real second writer and a real rename")
struct SnapshotWatcherTests {
    @Test("nothing happens: unchanged, again and again")
    func unchanged() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(journalMode: .wal))
            var watcher = SnapshotWatcher(snapshot: try Snapshot.open(at: url))
            #expect(try watcher.poll() == .unchanged)
            _ = try watcher.snapshot.rowCounts()
            #expect(try watcher.poll() == .unchanged)
        }
    }

    @Test("a WAL writer committing in place is seen once through data_version, and the new data is read")
    func changedInPlaceByWALWriter() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(journalMode: .wal))
            var watcher = SnapshotWatcher(snapshot: try Snapshot.open(at: url))
            let inodeBefore = watcher.snapshot.identity.inode

            let writer = try DatabaseQueue(path: url.path)
            #expect(try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
            try writer.write { db in
                try db.execute(sql: "UPDATE meta SET value = '2030-01-01T00:00:00Z' WHERE key = 'published_at'")
                try db.execute(sql: "INSERT INTO teachers(id, school_id, gender, active) VALUES (50, 2, 'M', 1)")
            }

            #expect(try watcher.poll() == .changedInPlace)
            #expect(try watcher.poll() == .unchanged, "each commit is reported once")
            let (published, teachers) = try watcher.snapshot.read { db in
                (try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'published_at'"),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM teachers"))
            }
            #expect(published == "2030-01-01T00:00:00Z")
            #expect(teachers == 5)
            #expect(try FileIdentity.current(atPath: url.path)?.inode == inodeBefore)

            try writer.write { db in try db.execute(sql: "DELETE FROM teachers WHERE id = 50") }
            #expect(try watcher.poll() == .changedInPlace)
        }
    }

    @Test("publish-by-rename is 'replaced' until reopened; the old connection keeps the last good data")
    func replacedByRename() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            let oldTime = try #require(SnapshotTime.parse("2026-11-23T00:40:00Z"))
            let newTime = try #require(SnapshotTime.parse("2026-11-23T00:45:00Z"))
            try SnapshotFiles.createSnapshot(at: url, options: .init(publishedAt: oldTime))
            var watcher = SnapshotWatcher(snapshot: try Snapshot.open(at: url))

            let staged = directory.appendingPathComponent(".live.sqlite.tmp")
            try SnapshotFiles.createSnapshot(at: staged, options: .init(publishedAt: newTime))
            #expect(rename(staged.path, url.path) == 0)

            #expect(try watcher.poll() == .replaced)
            #expect(try watcher.poll() == .replaced, "replaced stays reported until the path is reopened")
            #expect(watcher.snapshot.publishedAt == oldTime)
            #expect(try watcher.snapshot.rowCounts().first { $0.table == "students" }?.count == 12)

            var reopened = SnapshotWatcher(snapshot: try Snapshot.open(at: url))
            #expect(reopened.snapshot.publishedAt == newTime)
            #expect(reopened.snapshot.identity.inode != watcher.snapshot.identity.inode)
            #expect(try reopened.poll() == .unchanged)
        }
    }

    @Test("a deleted path is 'gone'; it becomes 'replaced' when a new file appears")
    func goneThenBack() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            var watcher = SnapshotWatcher(snapshot: try Snapshot.open(at: url))

            try FileManager.default.removeItem(at: url)
            #expect(try watcher.poll() == .gone)
            #expect(try watcher.snapshot.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM schools") } == 2)

            try SnapshotFiles.createSnapshot(at: url)
            #expect(try watcher.poll() == .replaced)
        }
    }

    @Test("an in-place rewrite by a rollback-journal writer is also seen")
    func changedInPlaceByRollbackWriter() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            var watcher = SnapshotWatcher(snapshot: try Snapshot.open(at: url))
            try SnapshotFiles.execute("UPDATE schools SET status = 'closed' WHERE id = 2", at: url)
            #expect(try watcher.poll() == .changedInPlace)
            #expect(try watcher.poll() == .unchanged)
        }
    }
}
