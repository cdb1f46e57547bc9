#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names right now (device and inode) and how big and recent it is, from `stat(2)`.
///
/// Publishing by rename gives the path a new inode; an in-place writer keeps the inode.
public struct FileIdentity: Sendable, Equatable, CustomStringConvertible {
    /// Device the file lives on (`st_dev`).
    public let device: UInt64
    /// Inode number on that device (`st_ino`).
    public let inode: UInt64
    /// Size in bytes (`st_size`).
    public let size: Int64
    /// Modification time in nanoseconds since 1970 (`st_mtim`).
    public let modifiedNanoseconds: Int64

    /// Creates an identity from its parts (for tests and state machines).
    public init(device: UInt64, inode: UInt64, size: Int64, modifiedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// The identity of the file at `path`, following symlinks; nil when nothing is there.
    ///
    /// Throws ``SnapshotError`` for other failures (permission denied on a parent directory…).
    public static func current(atPath path: String) throws(SnapshotError) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw SnapshotError.fromErrno(code, path: path)
        }
        return FileIdentity(info)
    }

    /// The identity of an open file descriptor.
    static func of(descriptor: Int32) -> FileIdentity? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileIdentity(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        modifiedNanoseconds = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// True when both identities name the same file (same device and inode), whatever its contents.
    public func isSameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }

    /// `dev:inode size mtime`, for logs.
    public var description: String {
        "\(device):\(inode) \(size) bytes mtime \(modifiedNanoseconds) ns"
    }
}
