import Foundation
import SectorData

/// The minutes of one local day as the check-in curve samples them: minute `m` stands for the instant
/// `midnight + m × 60 s` as snapshot text, and a row recorded at `recorded_at` is reported by minute `m` when
/// `recorded_at <= that text` — the comparison `CheckInQuery`'s SQL makes (binary text order; a number sorts
/// before any text, NULL and blobs never compare lower). A row's *bin* is the first minute it is reported by
/// (0…1439), or `never` (1440); a day's count by minute `m` is the number of rows with bins up to `m`.
struct CheckInMinutes: Sendable, Equatable {
    /// The bin of a row reported by no minute of the day.
    static let never = 1440
    /// Bins a row can fall in (0…1440).
    static let binCount = never + 1

    /// Local midnight of the day in Unix seconds.
    let dayStart: Int64
    /// Every minute's snapshot text, one after the other (`stride` bytes each).
    private let stamps: [UInt8]
    private let stride: Int

    /// The minutes of the day starting at local midnight `dayStart` (Unix seconds).
    init(dayStart: Int64) {
        self.dayStart = dayStart
        var bytes: [UInt8] = []
        var width = 0
        for minute in 0 ..< Self.never {
            let text = SnapshotTime.format(Date(timeIntervalSince1970: TimeInterval(dayStart + Int64(minute) * 60)))
            width = text.utf8.count
            bytes.append(contentsOf: text.utf8)
        }
        stamps = bytes
        stride = width
    }

    /// The bin of a `recorded_at` given as its text, `""` for a number (before any text), nil for NULL or a blob.
    func bin(ofRecorded text: String?) -> Int {
        guard var text else { return Self.never }
        return text.withUTF8 { bin(of: $0) }
    }

    /// The first minute whose text is at or after `recorded` (binary order), or `never`.
    private func bin(of recorded: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0, high = Self.never
        stamps.withUnsafeBufferPointer { all in
            while low < high {
                let mid = (low + high) / 2
                let stamp = UnsafeBufferPointer(rebasing: all[mid * stride ..< (mid + 1) * stride])
                if Self.isBefore(stamp, recorded) { low = mid + 1 } else { high = mid }
            }
        }
        return low
    }

    /// Whether `a` sorts before `b` in binary order (memcmp, then length).
    private static func isBefore(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0 ..< min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] }
        return a.count < b.count
    }

    /// Running totals of per-bin counts: element `m` is the count reported by minute `m` (0…1439).
    static func cumulative(_ bins: [Int]) -> [Int] {
        var total = 0
        return (0 ..< never).map { minute in
            total += bins[minute]
            return total
        }
    }

    /// The SQL giving `recorded_at` as `bin(ofRecorded:)` takes it: text as is, a number as `''`, else NULL.
    static func recordedSQL(_ column: String) -> String {
        "CASE typeof(\(column)) WHEN 'text' THEN \(column) WHEN 'integer' THEN '' WHEN 'real' THEN '' END"
    }
}
