import Foundation

/// One real thin console's memory (kB) once its first dashboard is drawn: peak and current resident set from
/// /proc/PID/status, and its proportional share (PSS, /proc/PID/smaps_rollup: pages shared with other consoles,
/// such as the binary's text, count divided by the number of processes mapping them).
struct ConsoleMemory {
    /// `VmHWM`: the peak resident set.
    var peakKB: Int
    /// `VmRSS`: resident now.
    var residentKB: Int
    /// `Pss` from smaps_rollup.
    var proportionalKB: Int

    /// Reads the three figures of `pid`; zero where /proc has no answer.
    static func read(pid: Int32) -> ConsoleMemory {
        ConsoleMemory(peakKB: ViewerBench.statusKB(pid: pid, field: "VmHWM") ?? 0,
                      residentKB: ViewerBench.statusKB(pid: pid, field: "VmRSS") ?? 0,
                      proportionalKB: pssKB(pid: pid) ?? 0)
    }

    /// The `Pss:` line of /proc/PID/smaps_rollup (readable for our own processes and as root).
    static func pssKB(pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("Pss:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// "peak 13.2 MB, resident 12.0 MB, PSS 9.1 MB".
    var summary: String {
        String(format: "peak (VmHWM) %.1f MB, resident (VmRSS) %.1f MB, PSS %.1f MB", Double(peakKB) / 1024,
               Double(residentKB) / 1024, Double(proportionalKB) / 1024)
    }
}
