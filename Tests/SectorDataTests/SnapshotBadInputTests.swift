import Foundation
import GRDB
@testable import SectorData
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@Suite("Snapshot.open rejects bad input with one clear line and never modifies the file")
struct SnapshotBadInputTests {
    @Test("bad input", arguments: BadInput.all)
    func rejects(input: BadInput) throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = try input.prepare(directory)
            let path = url.path
            let before = try? Data(contentsOf: url)
            let listingBefore = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

            let error = #expect(throws: SnapshotError.self) { try Snapshot.open(at: url) }

            if let error {
                if let expected = input.expected(path) { #expect(error == expected) }
                #expect(error.path == path)
                #expect(error.description.hasPrefix("\(path): \(input.messageStart)"), "\(error.description)")
                #expect(!error.description.contains("\n"))
            }
            #expect((try? Data(contentsOf: url)) == before, "the file's bytes must not change")
            let listingAfter = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            let newEntries = Set(listingAfter).subtracting(listingBefore)
            // Only SQLite's WAL side files may appear, and only for a WAL-mode file.
            #expect(newEntries.allSatisfy { $0.hasSuffix("-shm") || $0.hasSuffix("-wal") }, "\(newEntries)")
        }
    }

    @Test("the truncated copy really lost data: the sqlite3 CLI finds it malformed too")
    func truncationCutsDataPages() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = try BadInput.truncatedCopy(in: directory, journalMode: .delete)
            let verdict = try SnapshotFiles.sqlite3(url, "PRAGMA quick_check")
            #expect(verdict != "ok")
            #expect(verdict.contains("malformed") || verdict.contains("corrupt"), "\(verdict)")
        }
    }

    @Test("no read permission: a real denial when not root, the EACCES mapping always")
    func permissionDenied() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("secret.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            let path = url.path

            // The seam: the errno from open(2) becomes the operator's message.
            let mapped = SnapshotError.fromErrno(EACCES, path: path)
            #expect(mapped == .permissionDenied(path: path))
            #expect(mapped.description == "\(path): permission denied")
            #expect(SnapshotError.fromErrno(ENOENT, path: path).description == "\(path): no such file")

            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
            let before = try Data(contentsOf: url)
            if getuid() == 0 {
                // Root bypasses file permissions, so chmod 000 cannot deny it; the real denial is
                // exercised by EndToEndTests (eduioc check run as 'nobody' through setpriv).
                #expect(throws: Never.self) { try Snapshot.open(at: url) }
            } else {
                #expect(throws: SnapshotError.permissionDenied(path: path)) { try Snapshot.open(at: url) }
            }
            #expect(try Data(contentsOf: url) == before)
        }
    }

    @Test("SQLite failures map to operator messages",
          arguments: [
            (ResultCode.SQLITE_READONLY_DIRECTORY, "WAL-mode snapshot, but 'x.sqlite-shm' does not exist"),
            (ResultCode.SQLITE_READONLY_CANTINIT, "WAL-mode snapshot, but 'x.sqlite-shm' does not exist"),
            (ResultCode.SQLITE_NOTADB, "not an SQLite database (SQLite says: "),
            (ResultCode.SQLITE_CORRUPT, "file is truncated or corrupt ("),
            (ResultCode.SQLITE_BUSY, "locked by a writer for more than 250 ms"),
            (ResultCode.SQLITE_IOERR_READ, "cannot read file (I/O error: "),
          ])
    func sqliteErrorMapping(code: ResultCode, messageStart: String) {
        let error = Snapshot.mapSQLiteError(DatabaseError(resultCode: code), path: "/srv/x.sqlite", busyTimeout: 0.25)
        #expect(error.description.hasPrefix("/srv/x.sqlite: \(messageStart)"), "\(error.description)")
    }

    @Test("a writer holding the lock past the busy timeout gives a clear 'locked' error")
    func busyWriter() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("locked.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true
            let writer = try DatabaseQueue(path: url.path, configuration: configuration)
            try writer.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
            defer { try? writer.inDatabase { db in try db.execute(sql: "ROLLBACK") } }

            let started = Date()
            #expect(throws: SnapshotError.busy(path: url.path, milliseconds: 250)) { try Snapshot.open(at: url) }
            #expect(Date().timeIntervalSince(started) >= 0.2, "it should wait for the busy timeout first")
        }
    }

    @Test("control characters in a path cannot break the one-line message")
    func controlCharactersAreEscaped() {
        let error = SnapshotError.fileMissing(path: "/tmp/evil\n\u{1B}[2Jname.sqlite")
        #expect(error.description == "/tmp/evil\\u{a}\\u{1b}[2Jname.sqlite: no such file")
    }
}
