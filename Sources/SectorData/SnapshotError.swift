#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a snapshot cannot be used; `description` is one line naming the file and the problem.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case fileMissing(path: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// The path names something that is neither a regular file nor a directory (FIFO, socket, device).
    case notRegularFile(path: String, kind: String)
    /// The file (or a directory on its path) may not be read by this user.
    case permissionDenied(path: String)
    /// The file has zero bytes.
    case fileEmpty(path: String)
    /// The file is not an SQLite database; `detail` says what it looks like instead.
    case notSQLite(path: String, detail: String)
    /// The file is an SQLite database that is cut short or damaged.
    case truncatedOrCorrupt(path: String, detail: String)
    /// A WAL-mode file whose `-shm` index neither exists nor can be created (read-only directory).
    case walIndexUnavailable(path: String)
    /// A writer held a lock for longer than the busy timeout.
    case busy(path: String, milliseconds: Int)
    /// `meta.schema_version` is not the version this build reads.
    case schemaVersionMismatch(path: String, found: String, expected: Int)
    /// A required table does not exist.
    case missingTable(path: String, table: String)
    /// A required table lacks a required column.
    case missingColumn(path: String, table: String, column: String)
    /// A required `meta` key is absent.
    case missingMetaKey(path: String, key: String)
    /// A `meta` value is present but unusable; `expected` says what it should look like.
    case invalidMetaValue(path: String, key: String, value: String, expected: String)
    /// The file could not be read for another operating-system reason.
    case unreadable(path: String, reason: String)
    /// SQLite reported an error not covered above.
    case sqlite(path: String, message: String)
    /// A required table is a view or a virtual table (`kind`): it could run any query, so it is never read.
    case notATable(path: String, table: String, kind: String)
    /// A query ran longer than the time limit and was stopped.
    case timedOut(path: String, seconds: Int)

    /// The snapshot path the error is about.
    public var path: String {
        switch self {
        case .fileMissing(let path), .isDirectory(let path), .notRegularFile(let path, _),
             .permissionDenied(let path), .fileEmpty(let path), .notSQLite(let path, _),
             .truncatedOrCorrupt(let path, _), .walIndexUnavailable(let path), .busy(let path, _),
             .schemaVersionMismatch(let path, _, _), .missingTable(let path, _), .missingColumn(let path, _, _),
             .missingMetaKey(let path, _), .invalidMetaValue(let path, _, _, _), .unreadable(let path, _),
             .sqlite(let path, _), .notATable(let path, _, _), .timedOut(let path, _):
            return path
        }
    }

    /// What is wrong, without the path.
    public var problem: String {
        switch self {
        case .fileMissing:
            return "no such file"
        case .isDirectory:
            return "is a directory, not a snapshot file"
        case .notRegularFile(_, let kind):
            return "is not a regular file (it is a \(kind))"
        case .permissionDenied:
            return "permission denied"
        case .fileEmpty:
            return "file is empty"
        case .notSQLite(_, let detail):
            return "not an SQLite database (\(detail))"
        case .truncatedOrCorrupt(_, let detail):
            return "file is truncated or corrupt (\(detail))"
        case .walIndexUnavailable(let path):
            return "WAL-mode snapshot, but '\(Self.fileName(path))-shm' does not exist and its directory is not "
                + "writable; let the reader write to the directory or have the writer keep the -shm file"
        case .busy(_, let milliseconds):
            return "locked by a writer for more than \(milliseconds) ms"
        case .schemaVersionMismatch(_, let found, let expected):
            return "schema_version is \(Self.quotedIfOdd(found)), this build reads version \(expected)"
        case .missingTable(_, let table):
            return "missing table '\(table)'"
        case .missingColumn(_, let table, let column):
            return "table '\(table)' lacks column '\(column)'"
        case .missingMetaKey(_, let key):
            return "meta has no '\(key)'"
        case .invalidMetaValue(_, let key, let value, let expected):
            return "meta '\(key)' is '\(value)', expected \(expected)"
        case .unreadable(_, let reason):
            return "cannot read file (\(reason))"
        case .sqlite(_, let message):
            return "SQLite error (\(message))"
        case .notATable(_, let table, let kind):
            return "table '\(table)' is a \(kind), not a table"
        case .timedOut(_, let seconds):
            return "a query took longer than \(seconds) s and was stopped (the file may be huge or hostile)"
        }
    }

    /// One line: `<path>: <problem>`, with control characters made visible so it cannot break a terminal.
    public var description: String {
        Self.oneLine("\(path): \(problem)")
    }

    /// Maps an `errno` from opening or reading `path` to the error an operator should see.
    public static func fromErrno(_ code: Int32, path: String) -> SnapshotError {
        switch code {
        case ENOENT:
            return .fileMissing(path: path)
        case EACCES, EPERM:
            return .permissionDenied(path: path)
        case EISDIR:
            return .isDirectory(path: path)
        default:
            return .unreadable(path: path, reason: String(cString: strerror(code)))
        }
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func quotedIfOdd(_ value: String) -> String {
        value.allSatisfy(\.isNumber) && !value.isEmpty ? value : "'\(value)'"
    }

    /// Replaces control characters (C0, DEL, C1, line and paragraph separators, bidi controls) with `\u{…}` escapes.
    static func oneLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || value == 0x200E || value == 0x200F || value == 0x061C
            if isControl {
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
