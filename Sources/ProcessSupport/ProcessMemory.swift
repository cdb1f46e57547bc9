#if canImport(Glibc)
import Glibc
#endif

/// The process's memory from /proc/self/status (Linux), in kilobytes. Plain POSIX reads, so measuring touches
/// as little of the program as possible (the thin client's bench probe measures itself with it).
public enum ProcessMemory {
    /// A field such as "VmHWM" (peak resident) or "VmRSS" (current resident); nil where unavailable.
    public static func kilobytes(_ field: String) -> Int? {
        let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}
