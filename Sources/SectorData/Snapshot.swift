import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import Synchronization

/// A validated, read-only connection to a snapshot file.
///
/// Open with ``open(at:busyTimeout:)``. Every connection is `SQLITE_OPEN_READONLY` with
/// `trusted_schema=OFF`, no memory mapping and a short busy timeout; it never creates, converts or
/// writes the database file. (For a WAL-mode file SQLite itself may create the `-shm`/`-wal` side files
/// next to it if they are missing and the directory is writable; the database file is untouched.)
///
/// Run every query of one refresh inside one ``read(_:)`` call, so they all see the same state. Between calls
/// no lock is held, so a replicator that locks the whole file to write pages in place (a Litestream follower,
/// `litestream restore -f`) is never stalled by a console: a WAL-mode connection holds a SHARED lock on the
/// file for as long as it is open, not only during transactions, so for a WAL-mode file each call opens its
/// own connection and closes it. A rollback-journal connection holds no lock between transactions: it is kept
/// (its schema and prepared statements with it), and its page cache is emptied before each call, since a
/// replicator may write pages in place without bumping the header's change counter.
public final class Snapshot: Sendable {
    /// The busy timeout used when none is given: how long to wait for a writer's lock before failing.
    public static let defaultBusyTimeout: TimeInterval = 0.25
    /// How long one read (a refresh, a report, a check's counts) may run before its queries are stopped.
    public static let defaultQueryTimeLimit: TimeInterval = 30

    /// The path the snapshot was opened from.
    public let path: String
    /// The validated `meta` values.
    public let metadata: SnapshotMetadata
    /// Problems that do not prevent reading (missing indexes, unusual meta values).
    public let warnings: [SnapshotWarning]
    /// The file's journal mode at open time (WAL for in-place delivery, rollback for publish-by-rename).
    public let journalMode: SnapshotJournalMode
    /// The identity of the file that was opened (to detect a rename over the path).
    public let identity: FileIdentity
    /// The file's commit stamp read just before validation (the watcher's baseline).
    public let openedStamp: SnapshotStamp
    /// How long a query waits for a writer's lock before failing with `SQLITE_BUSY`.
    public let busyTimeout: TimeInterval
    /// How long one ``read(_:)`` may run before its queries are stopped.
    public let queryTimeLimit: TimeInterval
    /// The connection kept between reads while the file is in rollback-journal mode (it then holds no lock).
    private let idle = Mutex<DatabaseQueue?>(nil)

    /// When the replicator published this data (`meta.published_at`).
    public var publishedAt: Date { metadata.publishedAt }
    /// The province's code (`meta.province_code`).
    public var provinceCode: String { metadata.provinceCode }
    /// The province's name (`meta.province_name`).
    public var provinceName: String { metadata.provinceName }
    /// The school year, e.g. `2025-2026` (`meta.school_year`).
    public var schoolYear: String { metadata.schoolYear }
    /// The province's time zone; DATE columns are days in this zone (`meta.timezone`).
    public var timeZone: TimeZone { metadata.timeZone }

    private init(path: String, metadata: SnapshotMetadata, warnings: [SnapshotWarning],
                 journalMode: SnapshotJournalMode, identity: FileIdentity, openedStamp: SnapshotStamp,
                 busyTimeout: TimeInterval, queryTimeLimit: TimeInterval) {
        self.path = path
        self.metadata = metadata
        self.warnings = warnings
        self.journalMode = journalMode
        self.identity = identity
        self.openedStamp = openedStamp
        self.busyTimeout = busyTimeout
        self.queryTimeLimit = queryTimeLimit
    }

    /// Opens and validates the snapshot at `url`; throws a ``SnapshotError`` naming the file and the problem.
    /// `queryTimeLimit` bounds validation and every later ``read(_:)``.
    public static func open(at url: URL, busyTimeout: TimeInterval = defaultBusyTimeout,
                            queryTimeLimit: TimeInterval = defaultQueryTimeLimit) throws(SnapshotError) -> Snapshot {
        let path = url.path
        // If the file is renamed over while we open it, the probe and SQLite may have seen different
        // files; detect that by identity and start again. Likewise when its stamp moved meanwhile (a commit,
        // or SQLite creating the -wal/-shm files of a WAL-mode file on the first open): the stamp taken
        // before validating must describe the state validated, or the first poll reports a change.
        for attempt in 0..<3 {
            let stamp = SnapshotStamp.read(path: path)
            let probe = try SnapshotFileProbe.inspect(path: path)
            let queue = try openConnection(path: path, busyTimeout: busyTimeout)
            defer { try? queue.close() }
            let outcome: SnapshotValidator.Outcome
            do {
                outcome = try limited(queue, seconds: queryTimeLimit) {
                    try queue.read { db in try SnapshotValidator.validate(db, path: path) }
                }
            } catch let error as SnapshotError {
                throw error
            } catch {
                throw mapSQLiteError(error, path: path, busyTimeout: busyTimeout, queryTimeLimit: queryTimeLimit)
            }
            guard let current = try FileIdentity.current(atPath: path), current.isSameFile(as: probe.identity) else {
                continue
            }
            // After the last attempt the first stamp stands: at worst the first poll refreshes once for nothing.
            guard attempt == 2 || SnapshotStamp.read(path: path) == stamp else { continue }
            return Snapshot(path: path, metadata: outcome.metadata, warnings: outcome.warnings,
                            journalMode: probe.journalMode, identity: probe.identity,
                            openedStamp: stamp, busyTimeout: busyTimeout, queryTimeLimit: queryTimeLimit)
        }
        throw SnapshotError.unreadable(path: path, reason: "it was replaced repeatedly while being opened; try again")
    }

    /// Runs `body` inside one deferred read transaction: every query in it sees the same database state.
    ///
    /// Nothing is locked between calls: a WAL-mode file's connection is closed before returning, a rollback-journal
    /// file's is kept (it holds no lock between transactions) with its page cache emptied before the next call,
    /// so every call reads the file as it is then. A file renamed over the path or deleted
    /// since ``open(at:busyTimeout:)`` is not read (``SnapshotError``: reopen the path). Errors from SQLite
    /// are GRDB `DatabaseError`s (e.g. `SQLITE_BUSY` after the busy timeout). Its queries are stopped after
    /// ``queryTimeLimit`` seconds (`SQLITE_INTERRUPT`, explained as ``SnapshotError/timedOut(path:seconds:)``).
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        try read(seconds: queryTimeLimit, body)
    }

    /// ``read(_:)`` under another time limit.
    private func read<T>(seconds: TimeInterval, _ body: (Database) throws -> T) throws -> T {
        try checkIdentity()
        let kept = idle.withLock { held -> DatabaseQueue? in
            defer { held = nil }
            return held
        }
        let queue = try kept ?? connect()
        var keep = false
        defer {
            if keep { idle.withLock { if $0 == nil { $0 = queue } else { try? queue.close() } } } else { try? queue.close() }
        }
        if kept != nil {
            // Forget every cached page (not the schema or the prepared statements): the next transaction reads
            // the file as it is now, even if a replicator rewrote pages without moving the change counter.
            queue.inDatabase { db in _ = sqlite3_db_release_memory(db.sqliteConnection) }
        }
        let result = try Self.limited(queue, seconds: seconds) { try queue.read(body) }
        keep = Self.holdsNoLockWhenIdle(path)
        return result
    }

    /// Runs `body` with a ``QueryWatchdog`` on `queue`.
    private static func limited<T>(_ queue: DatabaseQueue, seconds: TimeInterval?, _ body: () throws -> T) rethrows -> T {
        let watchdog = QueryWatchdog(queue: queue, seconds: seconds)
        defer { watchdog.cancel() }
        return try body()
    }

    /// Whether a connection to the file holds no lock between transactions: the header says rollback journal
    /// (bytes 18–19 = 1) and there is no `-wal` file (with one, SQLite reads the file in WAL mode anyway).
    private static func holdsNoLockWhenIdle(_ path: String) -> Bool {
        guard (try? FileIdentity.current(atPath: path + "-wal")) == .some(nil) else { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: 18)) != nil, let bytes = try? handle.read(upToCount: 2) else { return false }
        return Array(bytes) == [1, 1]
    }

    /// A new connection to the validated file; throws when the path now names another file or nothing.
    /// (Checked after opening: the connection then holds the file that was at the path, and a file renamed
    /// away cannot come back under the same path.)
    private func connect() throws(SnapshotError) -> DatabaseQueue {
        try checkIdentity()
        let queue = try Self.openConnection(path: path, busyTimeout: busyTimeout)
        do {
            try checkIdentity()
        } catch {
            try? queue.close()
            throw error
        }
        return queue
    }

    /// Throws unless the path still names the validated file.
    private func checkIdentity() throws(SnapshotError) {
        guard let current = try FileIdentity.current(atPath: path) else { throw SnapshotError.fileMissing(path: path) }
        guard current.isSameFile(as: identity) else {
            throw SnapshotError.unreadable(path: path, reason: "another file was renamed over it; open it again")
        }
    }

    /// Checks the file again as ``open(at:busyTimeout:)`` did (header and size, meta, version, tables,
    /// columns) in one short read: an in-place change may have truncated the file or changed what it is.
    /// Throws the ``SnapshotError`` an operator should see.
    public func revalidate() throws(SnapshotError) {
        _ = try SnapshotFileProbe.inspect(path: path)
        do {
            _ = try read { db in try SnapshotValidator.validate(db, path: path) }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw Self.mapSQLiteError(error, path: path, busyTimeout: busyTimeout, queryTimeLimit: queryTimeLimit)
        }
    }

    /// Turns an error thrown by ``read(_:)`` or another query into a one-line ``SnapshotError`` for operators.
    public func explain(_ error: any Error) -> SnapshotError {
        if let error = error as? SnapshotError { return error }
        return Self.mapSQLiteError(error, path: path, busyTimeout: busyTimeout, queryTimeLimit: queryTimeLimit)
    }

    /// Row counts of every contract table, in ``SnapshotSchema/requiredColumns`` order, from one read.
    public func rowCounts() throws -> [(table: String, count: Int)] {
        try read { db in
            try SnapshotSchema.requiredColumns.map { entry in
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(entry.table.quotedDatabaseIdentifier)")
                return (entry.table, count ?? 0)
            }
        }
    }

    /// Tables with rows the console leaves out for a NULL, mistyped or out-of-range value (``SnapshotValueAudit``).
    public func valueFindings() throws -> [SnapshotValueAudit.Finding] {
        try read { db in try SnapshotValueAudit.findings(in: db) }
    }

    /// Runs `PRAGMA quick_check` (reads every page: O(file size)); returns the problems, empty when sound.
    /// It reads every page, so its time limit grows with the file: ``queryTimeLimit`` plus 60 s per GiB.
    public func quickCheck(maximumProblems: Int = 10) throws -> [String] {
        let gibibytes = Double(max(0, identity.size)) / Double(1 << 30)
        return try read(seconds: queryTimeLimit + 60 * gibibytes) { db in
            let lines = try String?.fetchAll(db, sql: "PRAGMA quick_check(\(max(1, maximumProblems)))").map { $0 ?? "" }
            return lines == ["ok"] ? [] : lines
        }
    }

    private static func openConnection(path: String, busyTimeout: TimeInterval) throws(SnapshotError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = false
        configuration.label = "EduIOC.Snapshot"
        configuration.prepareDatabase { db in
            // Schema objects (views, triggers, defaults) may not call functions with side effects.
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            // Read through the page cache only: a file truncated under a mapping would raise SIGBUS.
            try db.execute(sql: "PRAGMA mmap_size = 0")
            // Check b-tree cells as pages are read, so corrupt pages fail cleanly and early.
            try db.execute(sql: "PRAGMA cell_size_check = ON")
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw mapSQLiteError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Maps a GRDB/SQLite error met while opening or validating to the error an operator should see.
    static func mapSQLiteError(_ error: any Error, path: String, busyTimeout: TimeInterval,
                               queryTimeLimit: TimeInterval = defaultQueryTimeLimit) -> SnapshotError {
        guard let error = error as? DatabaseError else {
            return .unreadable(path: path, reason: String(describing: error))
        }
        let message = error.message ?? "\(error.extendedResultCode)"
        switch error.extendedResultCode {
        case .SQLITE_READONLY_DIRECTORY, .SQLITE_READONLY_CANTINIT:
            return .walIndexUnavailable(path: path)
        default:
            break
        }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return .notSQLite(path: path, detail: "SQLite says: \(message)")
        case .SQLITE_CORRUPT:
            return .truncatedOrCorrupt(path: path, detail: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path, milliseconds: Int((busyTimeout * 1000).rounded()))
        case .SQLITE_PERM, .SQLITE_AUTH:
            return .permissionDenied(path: path)
        case .SQLITE_IOERR:
            return .unreadable(path: path, reason: "I/O error: \(message)")
        case .SQLITE_INTERRUPT:
            // Only the query watchdog interrupts a snapshot connection.
            return .timedOut(path: path, seconds: Int(queryTimeLimit.rounded(.up)))
        case .SQLITE_CANTOPEN:
            return .unreadable(path: path, reason: "SQLite cannot open it: \(message)")
        default:
            return .sqlite(path: path, message: message)
        }
    }
}
