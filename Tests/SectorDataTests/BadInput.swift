import Foundation
import SectorData
import Testing
import TestSupport

/// One way a snapshot path can be unusable, how to produce it, and what the operator must be told.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    /// Creates the bad path inside a temporary directory and returns it.
    let prepare: @Sendable (URL) throws -> URL
    /// The expected error for the prepared path.
    let expected: @Sendable (String) -> SnapshotError?
    /// The expected start of the one-line message after "<path>: ".
    let messageStart: String

    var testDescription: String { name }

    static let all: [BadInput] = [
        BadInput(name: "missing file", prepare: { $0.appendingPathComponent("absent.sqlite") },
                 expected: { .fileMissing(path: $0) }, messageStart: "no such file"),
        BadInput(name: "empty file", prepare: { directory in
            let url = directory.appendingPathComponent("empty.sqlite")
            try Data().write(to: url)
            return url
        }, expected: { .fileEmpty(path: $0) }, messageStart: "file is empty"),
        BadInput(name: "text file named .sqlite", prepare: { directory in
            let url = directory.appendingPathComponent("schools.sqlite")
            try Data("code,name\n30001,Trường Tiểu học Nguyễn Trãi\n".utf8).write(to: url)
            return url
        }, expected: { .notSQLite(path: $0, detail: "file is text") },
           messageStart: "not an SQLite database (file is text)"),
        BadInput(name: "gzip-compressed snapshot", prepare: { directory in
            let url = directory.appendingPathComponent("snapshot.sqlite")
            try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]).write(to: url)
            return url
        }, expected: { .notSQLite(path: $0, detail: "file is gzip-compressed") },
           messageStart: "not an SQLite database (file is gzip-compressed)"),
        BadInput(name: "truncated copy (DELETE journal)", prepare: { directory in
            try truncatedCopy(in: directory, journalMode: .delete)
        }, expected: { _ in nil }, messageStart: "file is truncated or corrupt (header says "),
        BadInput(name: "truncated copy (WAL journal)", prepare: { directory in
            try truncatedCopy(in: directory, journalMode: .wal)
        }, expected: { _ in nil }, messageStart: "file is truncated or corrupt ("),
        BadInput(name: "schema_version 2", prepare: { directory in
            let url = directory.appendingPathComponent("v2.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(metaOverrides: ["schema_version": "2"]))
            return url
        }, expected: { .schemaVersionMismatch(path: $0, found: "2", expected: 1) },
           messageStart: "schema_version is 2, this build reads version 1"),
        BadInput(name: "missing table", prepare: { directory in
            let url = directory.appendingPathComponent("no-devices.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            try SnapshotFiles.execute("DROP TABLE devices", at: url)
            return url
        }, expected: { .missingTable(path: $0, table: "devices") }, messageStart: "missing table 'devices'"),
        BadInput(name: "missing column", prepare: { directory in
            let url = directory.appendingPathComponent("no-unit.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            try SnapshotFiles.execute("ALTER TABLE schools RENAME COLUMN unit_id TO commune_id", at: url)
            return url
        }, expected: { .missingColumn(path: $0, table: "schools", column: "unit_id") },
           messageStart: "table 'schools' lacks column 'unit_id'"),
        BadInput(name: "missing meta key", prepare: { directory in
            let url = directory.appendingPathComponent("no-zone.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(metaOverrides: ["timezone": nil]))
            return url
        }, expected: { .missingMetaKey(path: $0, key: "timezone") }, messageStart: "meta has no 'timezone'"),
        BadInput(name: "published_at with an offset", prepare: { directory in
            let url = directory.appendingPathComponent("offset.sqlite")
            try SnapshotFiles.createSnapshot(
                at: url, options: .init(metaOverrides: ["published_at": "2026-11-23T07:42:00+07:00"]))
            return url
        }, expected: { _ in nil }, messageStart: "meta 'published_at' is '2026-11-23T07:42:00+07:00', expected a UTC"),
        BadInput(name: "unknown time zone", prepare: { directory in
            let url = directory.appendingPathComponent("zone.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(metaOverrides: ["timezone": "Asia/Hanoi_Typo"]))
            return url
        }, expected: { _ in nil }, messageStart: "meta 'timezone' is 'Asia/Hanoi_Typo', expected an IANA"),
        BadInput(name: "a view in place of a table (a recursive CTE that never ends)", prepare: { directory in
            let url = directory.appendingPathComponent("view.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            try SnapshotFiles.execute("""
                PRAGMA foreign_keys = OFF;
                DROP TABLE schools;
                CREATE VIEW schools(id, code, name, unit_id, level, ownership, status) AS
                    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)
                    SELECT x, 'S' || x, 'School', 1, 'primary', 'public', 'active' FROM n;
                """, at: url)
            return url
        }, expected: { .notATable(path: $0, table: "schools", kind: "view") },
           messageStart: "table 'schools' is a view, not a table"),
        BadInput(name: "a virtual table in place of a table", prepare: { directory in
            let url = directory.appendingPathComponent("virtual.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            try SnapshotFiles.execute("""
                PRAGMA foreign_keys = OFF;
                DROP TABLE school_days;
                CREATE VIRTUAL TABLE school_days USING fts5(day);
                """, at: url)
            return url
        }, expected: { .notATable(path: $0, table: "school_days", kind: "virtual table") },
           messageStart: "table 'school_days' is a virtual table, not a table"),
    ] + ["1 ", " 1", "01", "+1", "1.0", "1\n"].map { version in
        BadInput(name: "schema_version \(version.debugDescription)", prepare: { directory in
            let url = directory.appendingPathComponent("version.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(metaOverrides: ["schema_version": version]))
            return url
        }, expected: { .schemaVersionMismatch(path: $0, found: version, expected: 1) },
           messageStart: "schema_version is ")
    } + [
        BadInput(name: "directory instead of a file", prepare: { directory in
            let url = directory.appendingPathComponent("snapshot.sqlite", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            return url
        }, expected: { .isDirectory(path: $0) }, messageStart: "is a directory"),
    ]

    /// A valid snapshot big enough that its second half holds data pages, cut to half its size.
    static func truncatedCopy(in directory: URL, journalMode: SnapshotFiles.JournalMode) throws -> URL {
        let original = directory.appendingPathComponent("original.sqlite")
        try SnapshotFiles.createSnapshot(
            at: original, options: .init(journalMode: journalMode, studentsPerClass: 60, schoolDays: 20))
        let bytes = try Data(contentsOf: original)
        #expect(bytes.count >= 40 * 4096, "the snapshot must span many pages for truncation to cut data")
        let url = directory.appendingPathComponent("truncated.sqlite")
        try bytes.prefix(bytes.count / 2).write(to: url)
        return url
    }
}
