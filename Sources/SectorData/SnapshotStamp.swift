#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a snapshot's files show of its last commit, read with `stat` and `pread` only: no SQLite, no lock.
///
/// The console keeps no connection to a WAL-mode file between refreshes (a held WAL-mode connection keeps a
/// SHARED lock on the file, which stalls a replicator that writes pages in place, like a Litestream follower),
/// so it cannot ask `PRAGMA data_version`. It compares what SQLite itself compares to tell that another
/// connection committed:
///
/// - rollback journal: the header's file change counter (bytes 24–27) and page count, bumped by every commit;
/// - WAL: the wal-index header in the `-shm` file (`mxFrame` and the salts: each commit appends frames, each
///   WAL restart changes the salts; sqlite.org/walformat.html §2.1) and the `-wal` file's size and mtime;
/// - any writer (a Litestream follower writes pages straight into the file): the file's size and mtime.
///
/// Two stamps differ whenever a commit happened between them. A stamp read while a writer is mid-commit may
/// differ without a commit (then the refresh it triggers waits for the writer's lock, at most the busy timeout).
public struct SnapshotStamp: Sendable, Equatable, CustomStringConvertible {
    /// The database file's change counter and page count (header bytes 24–31); empty when unreadable.
    public let header: [UInt8]
    /// The `-wal` file, or nil when there is none.
    public let wal: FileIdentity?
    /// The wal-index header's `mxFrame` and salts from the `-shm` file; empty when there is none.
    public let walIndex: [UInt8]

    /// Creates a stamp from its parts (for tests and state machines).
    public init(header: [UInt8], wal: FileIdentity?, walIndex: [UInt8]) {
        self.header = header
        self.wal = wal
        self.walIndex = walIndex
    }

    /// Reads the stamp of the database at `path` (the file itself is compared by ``FileIdentity``).
    public static func read(path: String) -> SnapshotStamp {
        let header = readBytes(path, range: 24..<32)
        let wal = try? FileIdentity.current(atPath: path + "-wal")
        // WalIndexHdr: mxFrame at 16 (u32), nPage at 20, aFrameCksum at 24, aSalt at 32 (2 × u32).
        let index = readBytes(path + "-shm", range: 16..<40)
        let walIndex = index.count == 24 ? Array(index[0..<8] + index[16..<24]) : index
        return SnapshotStamp(header: header, wal: wal ?? nil, walIndex: walIndex)
    }

    /// The parts in hex, for logs and test failures.
    public var description: String {
        func hex(_ bytes: [UInt8]) -> String {
            bytes.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        }
        return "header \(hex(header)) wal \(wal.map { "\($0)" } ?? "none") index \(hex(walIndex))"
    }

    /// The bytes of `range` in the file at `path` (fewer when it is shorter; none when it cannot be read).
    private static func readBytes(_ path: String, range: Range<Int>) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: range.count)
        let count = buffer.withUnsafeMutableBytes { raw in pread(descriptor, raw.baseAddress, range.count, off_t(range.lowerBound)) }
        return count > 0 ? Array(buffer.prefix(count)) : []
    }
}
