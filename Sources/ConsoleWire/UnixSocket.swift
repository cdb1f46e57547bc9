import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX Unix-domain stream sockets: listen, accept, connect, whole reads and writes
/// (the peer's credentials are the server's: `UnixSocket.peer` in ConsoleServer).
/// Every descriptor is close-on-exec; writes never raise SIGPIPE.
public enum UnixSocket {
    /// A socket call that failed: what was tried and errno's text.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The call and path, e.g. "connect /run/eduioc/eduioc.sock".
        public var what: String
        /// errno.
        public var code: Int32
        /// "what: errno text".
        public var description: String { "\(what): \(String(cString: strerror(code)))" }
    }

    private static func address(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else { throw Failure(what: "socket path \(path) (too long)", code: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return address
    }

    private static func newSocket() throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(what: "socket", code: errno) }
        return fd
    }

    /// Binds and listens at `path` with `mode`. An old socket left at the path is removed first; any other kind of
    /// file there is refused (never deleted).
    public static func listen(path: String, mode: mode_t, backlog: Int32 = 128) throws -> Int32 {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                throw Failure(what: "\(path) exists and is not a socket", code: EEXIST)
            }
            unlink(path)
        }
        var address = try address(path)
        let fd = try newSocket()
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw Failure(what: "bind \(path)", code: code)
        }
        chmod(path, mode)
        guard Glibc.listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw Failure(what: "listen \(path)", code: code)
        }
        return fd
    }

    /// Accepts one connection (close-on-exec); nil when the listening socket was shut down or closed.
    public static func accept(_ listener: Int32) -> Int32? {
        while true {
            let fd = Glibc.accept(listener, nil, nil)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // accept4 is not in the Glibc overlay; nothing forks meanwhile
                return fd
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO: continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: usleep(100_000)  // out of descriptors: wait, keep serving others
            default: return nil
            }
        }
    }

    /// Connects to the server's socket.
    public static func connect(path: String) throws -> Int32 {
        var address = try address(path)
        let fd = try newSocket()
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw Failure(what: "connect \(path)", code: code)
        }
        return fd
    }

    /// Sets the receive (or send) timeout; 0 = none.
    public static func setTimeout(_ fd: Int32, seconds: Int, send: Bool) {
        var value = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, send ? SO_SNDTIMEO : SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Writes every byte (no SIGPIPE); throws on error or timeout.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(WireProtocol.FrameError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(errno)
            }
            offset += written
        }
    }

    /// Reads exactly `count` bytes; `closed` when the peer closes first.
    public static func readExactly(_ fd: Int32, count: Int) throws(WireProtocol.FrameError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress.map { $0 + offset }, count - offset, 0) }
            if got == 0 { throw .closed }
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(errno)
            }
            offset += got
        }
        return bytes
    }

    /// Whether a read would not block now (data or end of file waiting), without waiting.
    public static func readable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }
}
