import Foundation
import SectorData

/// The delivery lag the live caches tolerate, and the rule by which a tracker's held state carries on.
enum LagMargin {
    /// Delivery lag tolerated: a row reaching the snapshot within this long after its `recorded_at` is found even
    /// when older than rows already seen (days written within this margin before as-of are re-read each refresh).
    static let seconds: TimeInterval = 15 * 60

    /// The stamp `seconds` before `stamp` (`stamp` itself when it is not a snapshot timestamp).
    static func start(before stamp: String) -> String {
        SnapshotTime.parse(stamp).map { SnapshotTime.format($0.addingTimeInterval(-seconds)) } ?? stamp
    }

    /// Whether a tracker's held state (`ProbeTracker`, `HeartbeatTracker`) carries on: its key stands and the
    /// newest stamp it read neither went back nor went away (none then and none now also carries on).
    static func carriesOn<Key: Equatable>(heldKey: Key?, heldMark: String?, key: Key, mark: String?) -> Bool {
        switch (heldMark, mark) {
        case (nil, nil): heldKey == key
        case let (old?, new?): heldKey == key && new >= old
        default: false
        }
    }
}
