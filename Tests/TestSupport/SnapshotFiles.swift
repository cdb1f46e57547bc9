import Foundation
import GRDB
import SectorData

/// Builds small, valid snapshot files in temporary directories for tests.
///
/// The file is created from ``SnapshotSchema/tablesDDL`` and ``SnapshotSchema/requiredIndexes`` with every
/// meta key and a few rows in every table, so it passes `Snapshot.open` and every table has data.
public enum SnapshotFiles {
    /// The journal mode the created file is left in.
    public enum JournalMode: Sendable {
        /// Rollback journal, as a publish-by-rename replicator delivers it.
        case delete
        /// Write-ahead log, as an in-place replicator keeps it.
        case wal
    }

    /// What to put in a test snapshot.
    public struct Options: Sendable {
        /// Journal mode of the finished file.
        public var journalMode: JournalMode
        /// Students in each of the four classes.
        public var studentsPerClass: Int
        /// Teaching days (weekdays ending on the publish day), each with attendance for every student.
        public var schoolDays: Int
        /// `meta.published_at`, whole seconds.
        public var publishedAt: Date
        /// Meta values replacing or adding to ``SnapshotFiles/defaultMeta(publishedAt:)``; nil removes a key.
        public var metaOverrides: [String: String?]
        /// Whether to create ``SnapshotSchema/requiredIndexes``.
        public var includesIndexes: Bool
        /// Whether to create the change tokens (``ChangeTokens``) after the rows.
        public var includesChangeTokens: Bool

        /// Creates options; the defaults make a tiny valid snapshot published now.
        public init(journalMode: JournalMode = .delete, studentsPerClass: Int = 3, schoolDays: Int = 3,
                    publishedAt: Date = Date(), metaOverrides: [String: String?] = [:], includesIndexes: Bool = true,
                    includesChangeTokens: Bool = true) {
            self.includesChangeTokens = includesChangeTokens
            self.journalMode = journalMode
            self.studentsPerClass = studentsPerClass
            self.schoolDays = schoolDays
            self.publishedAt = Date(timeIntervalSince1970: publishedAt.timeIntervalSince1970.rounded(.down))
            self.metaOverrides = metaOverrides
            self.includesIndexes = includesIndexes
        }
    }

    /// The province every test snapshot describes.
    public static let provinceCode = "30"
    /// The province's name (with Vietnamese diacritics).
    public static let provinceName = "Hải Dương"
    /// The time zone written to `meta.timezone`.
    public static let timeZoneIdentifier = "Asia/Ho_Chi_Minh"

    /// The meta rows a valid snapshot has.
    public static func defaultMeta(publishedAt: Date) -> [String: String] {
        [
            "schema_version": String(SnapshotSchema.version),
            "province_code": provinceCode,
            "province_name": provinceName,
            "school_year": "2025-2026",
            "timezone": timeZoneIdentifier,
            "published_at": SnapshotTime.format(publishedAt),
        ]
    }

    /// Creates a fresh, uniquely named directory in the test process's scratch folder.
    public static func makeTemporaryDirectory() throws -> URL {
        try TestScratch.makeDirectory("snapshot")
    }

    /// Runs `body` with a fresh temporary directory and removes the directory afterwards, even on error.
    public static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        return try body(directory)
    }

    /// Writes a valid snapshot to `url` (which must not exist) and closes it, leaving no side files.
    public static func createSnapshot(at url: URL, options: Options = Options()) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            for ddl in SnapshotSchema.tablesDDL { try db.execute(sql: ddl) }
            if options.includesIndexes {
                for index in SnapshotSchema.requiredIndexes { try db.execute(sql: index.ddl) }
            }
            var meta = defaultMeta(publishedAt: options.publishedAt)
            for (key, value) in options.metaOverrides { meta[key] = value }
            for (key, value) in meta.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
            }
            try insertRows(db, options: options)
            if options.includesChangeTokens {
                for statement in ChangeTokens.ddl(initial: { name in Int64(name.utf8.count) }) { try db.execute(sql: statement) }
            }
        }
        if options.journalMode == .wal {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        }
        try queue.close()
    }

    /// Runs SQL on the file through an ordinary writable connection (to break a snapshot on purpose).
    public static func execute(_ sql: String, at url: URL) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// The file's bytes, for before/after comparisons.
    public static func contents(of url: URL) throws -> Data {
        try Data(contentsOf: url)
    }

    /// Runs the sqlite3 command-line tool on `url` with `sql` and returns its standard output (trimmed).
    public static func sqlite3(_ url: URL, _ sql: String, readOnly: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = (readOnly ? ["-readonly"] : []) + [url.path, sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Removes a directory tree, first restoring permissions a test may have taken away.
    public static func removeTree(_ url: URL) {
        let manager = FileManager.default
        if let paths = manager.enumerator(atPath: url.path) {
            for case let relative as String in paths {
                try? manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.appendingPathComponent(relative).path)
            }
        }
        try? manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        try? manager.removeItem(at: url)
    }

    // MARK: - Rows

    private static func insertRows(_ db: Database, options: Options) throws {
        try db.execute(sql: """
            INSERT INTO admin_units(id, code, name, kind, parent_id) VALUES
                (1, '30', 'Tỉnh Hải Dương', 'province', NULL),
                (2, '10507', 'Phường Hải Dương', 'ward', 1),
                (3, '10726', 'Xã Nam Sách', 'commune', 1);
            INSERT INTO schools(id, code, name, unit_id, level, ownership, status) VALUES
                (1, '30001', 'Trường Tiểu học Nguyễn Trãi', 2, 'primary', 'public', 'active'),
                (2, '30002', 'Trường THCS Chu Văn An', 3, 'lower_secondary', 'public', 'active');
            INSERT INTO classes(id, school_id, name, grade) VALUES
                (1, 1, '1A1', 1), (2, 1, '2A1', 2), (3, 2, '6A1', 6), (4, 2, '7A1', 7);
            INSERT INTO teachers(id, school_id, gender, active) VALUES
                (1, 1, 'F', 1), (2, 1, 'M', 1), (3, 2, 'F', 1), (4, 2, 'F', 0);
            INSERT INTO devices(id, school_id, kind, status, acquired_year, last_seen_at) VALUES
                (1, 1, 'desktop', 'working', 2021, NULL),
                (2, 1, 'attendance_gate', 'working', 2024, NULL),
                (3, 2, 'projector', 'broken', 2019, NULL),
                (4, 2, 'router', 'working', NULL, NULL);
            INSERT INTO intake_plans(school_id, grade, planned) VALUES (1, 1, 70), (2, 6, 120);
            """)
        let timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let publishedText = SnapshotTime.format(options.publishedAt)
        try db.execute(sql: "UPDATE devices SET last_seen_at = ? WHERE kind IN ('attendance_gate', 'router')",
                       arguments: [publishedText])
        for (offset, minutes) in [0, 5, 10].enumerated() {
            let measured = SnapshotTime.format(options.publishedAt.addingTimeInterval(TimeInterval(-minutes * 60)))
            try db.execute(sql: """
                INSERT INTO connectivity_probes(school_id, measured_at, download_mbps, upload_mbps, latency_ms)
                VALUES (1, ?, ?, 12.5, 24), (2, ?, NULL, NULL, NULL)
                """, arguments: [measured, 30.0 + Double(offset), measured])
        }

        let days = teachingDays(count: options.schoolDays, endingAt: options.publishedAt, in: timeZone)
        for day in days { try db.execute(sql: "INSERT INTO school_days(day) VALUES (?)", arguments: [day]) }

        let statuses = SnapshotSchema.Allowed.attendanceStatuses
        let sources = SnapshotSchema.Allowed.attendanceSources
        let classSchools = [(1, 1), (2, 1), (3, 2), (4, 2)]
        var studentID = 0
        for (classID, schoolID) in classSchools {
            for seat in 0..<options.studentsPerClass {
                studentID += 1
                let gender = seat % 2 == 0 ? "F" : "M"
                try db.execute(sql: """
                    INSERT INTO students(id, school_id, class_id, gender, enrolled_on, left_on, leave_reason)
                    VALUES (?, ?, ?, ?, '2025-09-05', NULL, NULL)
                    """, arguments: [studentID, schoolID, classID, gender])
                for (dayIndex, day) in days.enumerated() {
                    let status = statuses[(studentID + dayIndex) % 7 == 0 ? 3 : (studentID + dayIndex) % 11 == 0 ? 1 : 0]
                    let recorded = "\(day)T00:\(String(format: "%02d", (studentID + dayIndex) % 60)):00Z"
                    try db.execute(sql: """
                        INSERT INTO attendance(day, student_id, class_id, school_id, status, recorded_at, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [day, studentID, classID, schoolID, status, recorded,
                                         sources[studentID % sources.count]])
                }
            }
        }
    }

    /// The last `count` weekdays (Monday–Saturday) up to and including the publish day, oldest first.
    private static func teachingDays(count: Int, endingAt date: Date, in timeZone: TimeZone) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var days: [String] = []
        var cursor = date
        while days.count < count {
            if calendar.component(.weekday, from: cursor) != 1 {
                days.append(SnapshotTime.formatDay(cursor, in: timeZone))
            }
            cursor = cursor.addingTimeInterval(-86_400)
        }
        return days.reversed()
    }
}
