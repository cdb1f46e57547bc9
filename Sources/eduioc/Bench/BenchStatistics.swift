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

extension Duration {
    /// The duration in (fractional) milliseconds.
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
