import Foundation

/// The POSIX (fcntl) locks the kernel lists in /proc/locks: who holds or waits for which byte range of a file.
///
/// SQLite locks the database file with fcntl byte-range locks (PENDING at 0x40000000, SHARED range after it),
/// and so does a Litestream follower before it writes pages in place; /proc/locks is where a stall shows.
public enum FileLocks {
    /// One line of /proc/locks.
    public struct Lock: Sendable, Hashable, CustomStringConvertible {
        /// The holder (or waiter) process.
        public var pid: Int32
        /// READ or WRITE.
        public var type: String
        /// True for a process blocked waiting for this lock (the `->` lines).
        public var waiting: Bool
        /// The first byte locked.
        public var start: UInt64
        /// The last byte locked ("EOF" is `UInt64.max`).
        public var end: UInt64
        /// The raw line.
        public var line: String
        public var description: String { line }
    }

    /// Every lock (held or waited for) on the file at `path`, matched by inode.
    public static func on(_ path: String) -> [Lock] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        let inode = UInt64(info.st_ino)
        guard let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return [] }
        var locks: [Lock] = []
        for line in text.split(separator: "\n") {
            // "13: POSIX  ADVISORY  READ 10712 fe:00:16229057 1073741826 1073742335"
            // "13: -> POSIX  ADVISORY  WRITE 10571 fe:00:16229057 1073741826 1073742335"
            var fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count >= 8 else { continue }
            let waiting = fields[1] == "->"
            if waiting { fields.remove(at: 1) }
            guard fields.count >= 8, fields[1] == "POSIX" || fields[1] == "OFDLCK",
                  let pid = Int32(fields[4]) else { continue }
            let device = fields[5].split(separator: ":")
            guard device.count == 3, UInt64(device[2]) == inode else { continue }
            let end = fields[7] == "EOF" ? UInt64.max : UInt64(fields[7]) ?? 0
            locks.append(Lock(pid: pid, type: fields[3], waiting: waiting, start: UInt64(fields[6]) ?? 0, end: end,
                              line: String(line)))
        }
        return locks
    }

    /// The locks on `path` held or waited for by process `pid`.
    public static func on(_ path: String, by pid: Int32) -> [Lock] {
        on(path).filter { $0.pid == pid }
    }
}
