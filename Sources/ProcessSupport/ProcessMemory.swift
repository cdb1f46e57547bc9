import Foundation

/// The process's memory from /proc/self/status (Linux), in kilobytes.
public enum ProcessMemory {
    /// A field such as "VmHWM" (peak resident) or "VmRSS" (current resident); nil where unavailable.
    public static func kilobytes(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}
