import Foundation

/// Repeated timings of one measurement: median and spread, in milliseconds.
struct BenchSamples {
    var milliseconds: [Double] = []

    /// Times `body` once and records it.
    mutating func time(_ body: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = start.duration(to: clock.now)
        milliseconds.append(elapsed.milliseconds)
    }

    /// The median (0 without samples).
    var median: Double {
        let sorted = milliseconds.sorted()
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// "median (min–max)".
    var text: String {
        guard let low = milliseconds.min(), let high = milliseconds.max() else { return "–" }
        return "\(Self.format(median)) (\(Self.format(low))–\(Self.format(high)))"
    }

    static func format(_ ms: Double) -> String {
        ms >= 100 ? String(format: "%.0f ms", ms) : ms >= 10 ? String(format: "%.1f ms", ms) : String(format: "%.2f ms", ms)
    }
}

/// The process's memory from /proc/self/status (Linux), in kilobytes.
enum ProcessMemory {
    /// A field such as "VmHWM" (peak resident) or "VmRSS" (current resident); nil where unavailable.
    static func kilobytes(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}

extension Duration {
    /// The duration in (fractional) milliseconds.
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
