#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A prepared INSERT reused for many rows with raw SQLite binding: the generator's hot path.
///
/// Not thread-safe; lives inside one database access. Bindings persist across rows, so a value that
/// does not change (e.g. the day of a whole attendance batch) is bound once.
final class SQLiteBulkStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    /// Rows inserted so far.
    private(set) var rowsInserted = 0

    /// Tells SQLite to copy a bound text immediately.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Prepares `sql` on `connection`.
    init(connection: OpaquePointer, sql: String) throws {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw SampleError.database("\(String(cString: sqlite3_errmsg(connection))) in: \(sql)")
        }
        self.handle = prepared
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds an integer to parameter `index` (1-based).
    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, index, sqlite3_int64(value))
    }

    /// Binds a real to parameter `index`.
    func bind(_ index: Int32, _ value: Double) {
        sqlite3_bind_double(handle, index, value)
    }

    /// Binds a text (copied) to parameter `index`; nil binds NULL.
    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_text(handle, index, value, -1, Self.transient)
    }

    /// Binds NULL to parameter `index`.
    func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Binds text without copying: `pointer` must stay valid and unchanged until the next `insert()` returns.
    func bindStatic(_ index: Int32, _ pointer: UnsafePointer<CChar>, length: Int32) {
        sqlite3_bind_text(handle, index, pointer, length, nil)
    }

    /// Executes the insert with the current bindings and resets for the next row.
    func insert() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw SampleError.database(String(cString: sqlite3_errmsg(connection)))
        }
        rowsInserted += 1
    }
}
