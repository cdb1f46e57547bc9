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

    @Test("a WAL writer committing in place is seen once through the wal-index stamp, and the new data is read")
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

    @Test("publish-by-rename is 'replaced' until reopened; the old snapshot refuses to read the new file")
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
            // Nothing of the old file is held open: the old snapshot does not read the new file unvalidated.
            let refusal = #expect(throws: SnapshotError.self) { try watcher.snapshot.rowCounts() }
            #expect(refusal?.description.contains("another file was renamed over it") == true, "\(String(describing: refusal))")

            var reopened = SnapshotWatcher(snapshot: try Snapshot.open(at: url))
            #expect(reopened.snapshot.publishedAt == newTime)
            #expect(reopened.snapshot.identity.inode != watcher.snapshot.identity.inode)
            #expect(try reopened.poll() == .unchanged)
        }
    }

    @Test("a deleted path is 'gone' and unreadable; a new file at the path is a change")
    func goneThenBack() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            var watcher = SnapshotWatcher(snapshot: try Snapshot.open(at: url))

            try FileManager.default.removeItem(at: url)
            #expect(try watcher.poll() == .gone)
            #expect(throws: SnapshotError.fileMissing(path: url.path)) {
                try watcher.snapshot.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM schools") }
            }

            try SnapshotFiles.createSnapshot(at: url)
            // Nothing holds the old inode open any more, so the new file may reuse its number: then it looks
            // like an in-place change (revalidated, then read like any commit). Never "unchanged".
            let back = try watcher.poll()
            #expect(back == .replaced || back == .changedInPlace, "\(back)")
            #expect(try Snapshot.open(at: url).rowCounts().first { $0.table == "schools" }?.count == 2)
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

    @Test("between reads nothing is held: no lock and no descriptor on the file, in either journal mode",
          arguments: [SnapshotFiles.JournalMode.delete, .wal])
    func nothingHeldBetweenReads(mode: SnapshotFiles.JournalMode) throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(journalMode: mode))
            let me = getpid()
            let snapshot = try Snapshot.open(at: url)
            var watcher = SnapshotWatcher(snapshot: snapshot)
            #expect(FileLocks.on(url.path, by: me).isEmpty, "after open: \(FileLocks.on(url.path, by: me))")
            // While a read runs, SQLite holds its SHARED lock (so the check below can see one).
            let during = try snapshot.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM schools")
                return FileLocks.on(url.path, by: me)
            }
            #expect(!during.isEmpty, "a read holds a lock on the file while it runs")
            #expect(FileLocks.on(url.path, by: me).isEmpty, "after a read: \(FileLocks.on(url.path, by: me))")
            #expect(try watcher.poll() == .unchanged)
            #expect(FileLocks.on(url.path, by: me).isEmpty, "after a poll: \(FileLocks.on(url.path, by: me))")
            // A WAL-mode connection would hold its SHARED lock while open: none is kept. A rollback-journal one
            // holds no lock between transactions and is kept (so its prepared statements are).
            #expect(Self.openDescriptors(of: url).isEmpty == (mode == .wal), "descriptors: \(Self.openDescriptors(of: url))")
        }
    }

    @Test("pages rewritten in place without a new change counter (as a Litestream follower may) are read anew")
    func pagesRewrittenInPlaceAreRead() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            let snapshot = try Snapshot.open(at: url)
            var watcher = SnapshotWatcher(snapshot: snapshot)
            let countActive = "SELECT count(*) FROM teachers WHERE active = 1"
            let before = try snapshot.read { db in try Int.fetchOne(db, sql: countActive) }

            // The same change made on a copy, then every page but page 1 written back into the file in place
            // (0 and 1 take no bytes in a record: leaf pages and page 1 differ, not the file size).
            let copy = directory.appendingPathComponent("copy.sqlite")
            try FileManager.default.copyItem(at: url, to: copy)
            try SnapshotFiles.execute("UPDATE teachers SET active = 0 WHERE id = (SELECT min(id) FROM teachers WHERE active = 1)", at: copy)
            let old = try SnapshotFiles.contents(of: url), new = try SnapshotFiles.contents(of: copy)
            #expect(old.count == new.count)
            let pageSize = 4096
            let handle = try FileHandle(forWritingTo: url)
            var rewritten = 0
            for start in stride(from: pageSize, to: new.count, by: pageSize) where old[start..<start + pageSize] != new[start..<start + pageSize] {
                try handle.seek(toOffset: UInt64(start))
                try handle.write(contentsOf: new[start..<start + pageSize])
                rewritten += 1
            }
            try handle.close()
            #expect(rewritten >= 1, "leaf pages changed")
            #expect(try SnapshotFiles.contents(of: url).prefix(100) == old.prefix(100), "the header, change counter included, is untouched")

            #expect(try watcher.poll() == .changedInPlace, "seen from the file's size or mtime")
            let after = try snapshot.read { db in try Int.fetchOne(db, sql: countActive) }
            #expect(after == before.map { $0 - 1 }, "read from the file, not from a cached page: \(String(describing: before)) → \(String(describing: after))")
        }
    }

    /// This process's open descriptors naming `url` (from /proc/self/fd).
    private static func openDescriptors(of url: URL) -> [String] {
        let target = url.resolvingSymlinksInPath().path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.filter { name in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")) == target
        }
    }
}
