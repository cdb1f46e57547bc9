import Foundation
import GRDB
import SectorData
import Synchronization

/// Every camera's and attendance gate's last heartbeat, kept across refreshes and updated from the heartbeats
/// written since the last, so counting the devices seen in the window costs no read of every device.
///
/// The first read (and any after `devices` or `late_heartbeats` moved) reads every camera and gate that is not
/// retired. After that, a refresh asks for the newest `last_seen_at` of any device (one seek in the contract's
/// `idx_devices_last_seen`) and reads only the devices whose `last_seen_at` is after the newest it saw before.
/// Stamps have one-second precision, so a heartbeat may still land at that second: the tracker keeps which
/// devices were at it and counts that second's devices in the index instead of reading them all again (a whole
/// fleet can share one second). A device leaves the second only forward (then it is among the devices read), so
/// a count above the devices that stayed means some arrived, and only then is the second read again. The
/// `late_heartbeats` trigger moves its token on any heartbeat written behind the newest (or cleared), which these
/// reads would miss. Without tokens it is not used.
final class HeartbeatTracker: Sendable {
    /// What the held heartbeats belong to: the snapshot and its `devices` and `late_heartbeats` tokens.
    struct Key: Equatable, Sendable {
        let summary: SummaryKey
        let devices: Int64
        let lateHeartbeats: Int64
    }

    /// The watched devices in school order, as parallel arrays (no per-device allocation).
    struct Devices: Sendable {
        /// Array position by device id.
        var slot: [Int64: Int] = [:]
        var school: [Int64] = []
        var isGate: [Bool] = []
        /// Last heartbeat in Unix seconds; `Int64.min` when the device never reported.
        var lastSeen: [Int64] = []
    }

    struct State: Sendable {
        var key: Key?
        /// The newest `last_seen_at` of any device when last read.
        var mark: String?
        /// Every device (of any kind) whose `last_seen_at` was `mark` when last read.
        var atMark: Set<Int64> = []
        var devices = Devices()
        var fullLoads = 0
        var heartbeatsRead = 0
        /// The last counts and the window they were taken over, while no heartbeat was applied since (a school
        /// drill after a refresh asks for the same window again).
        var counted: (window: ClosedRange<Int64>, seen: [Int64: (cameras: Int, gates: Int)])?
    }

    private let state = Mutex(State())

    /// (full loads, heartbeats read after the last mark or at it again) so far.
    var statistics: (fullLoads: Int, heartbeatsRead: Int) {
        state.withLock { ($0.fullLoads, $0.heartbeatsRead) }
    }

    /// Forgets every device (the next call reads them all); the statistics are kept.
    func invalidate() {
        state.withLock { s in s = State(fullLoads: s.fullLoads, heartbeatsRead: s.heartbeatsRead) }
    }

    /// Cameras and gates (not retired) whose last heartbeat falls in `window` (Unix seconds, inclusive), per
    /// school, province-wide.
    func seen(_ db: Database, key: Key, window: ClosedRange<Int64>) throws -> [Int64: (cameras: Int, gates: Int)] {
        let mark = try LiveQueries.heartbeatMark(db)
        return try state.withLock { s in
            if !LagMargin.carriesOn(heldKey: s.key, heldMark: s.mark, key: key, mark: mark) {
                s = State(key: key, mark: mark, devices: try Self.watchedDevices(db), fullLoads: s.fullLoads + 1,
                          heartbeatsRead: s.heartbeatsRead)
                // Which devices are at the mark (their heartbeats were just read: not counted again).
                let read = s.heartbeatsRead
                if let mark { s.atMark = try Self.apply(LiveQueries.heartbeats(db, at: mark), to: &s) }
                s.heartbeatsRead = read
            } else if let old = s.mark, let mark {
                try Self.advance(db, from: old, to: mark, state: &s)
            }
            s.mark = mark
            if let counted = s.counted, counted.window == window { return counted.seen }
            let seen = Self.count(s.devices, in: window)
            s.counted = (window, seen)
            return seen
        }
    }

    /// Applies the heartbeats after `old` up to `mark`, and those that landed at `old` since it was read.
    private static func advance(_ db: Database, from old: String, to mark: String, state s: inout State) throws {
        var stayed = s.atMark
        if mark > old {
            let newAtMark = try apply(LiveQueries.heartbeats(db, after: old, markedAt: mark), to: &s, leaving: &stayed)
            let arrived = try LiveQueries.heartbeatCount(db, at: old) != stayed.count
            if arrived { _ = try apply(LiveQueries.heartbeats(db, at: old), to: &s) }
            s.atMark = newAtMark
        } else if try LiveQueries.heartbeatCount(db, at: old) != stayed.count {
            s.atMark = try apply(LiveQueries.heartbeats(db, at: old), to: &s)
        }
    }

    /// Applies heartbeat rows (id, Unix seconds, whether at the new mark) to the watched devices; returns the ids
    /// of those at the mark and takes every id read out of `leaving`.
    private static func apply(_ rows: RowCursor, to s: inout State, leaving: inout Set<Int64>) throws -> Set<Int64> {
        var atMark = Set<Int64>()
        while let row = try rows.next() {
            s.heartbeatsRead += 1
            s.counted = nil
            guard let id = row.checkedInt64(0) else { continue }
            leaving.remove(id)
            if row.checkedInt64(2) == 1 { atMark.insert(id) }
            guard let slot = s.devices.slot[id] else { continue }
            s.devices.lastSeen[slot] = row.checkedInt64(1) ?? Int64.min
        }
        return atMark
    }

    /// `apply(_:to:leaving:)` without a set to take the ids out of.
    private static func apply(_ rows: RowCursor, to s: inout State) throws -> Set<Int64> {
        var none = Set<Int64>()
        return try apply(rows, to: &s, leaving: &none)
    }

    /// Per school, the cameras and gates whose last heartbeat falls in `window` (devices are in school order).
    private static func count(_ devices: Devices, in window: ClosedRange<Int64>) -> [Int64: (cameras: Int, gates: Int)] {
        var result: [Int64: (cameras: Int, gates: Int)] = [:]
        var school = Int64.min
        var counts = (cameras: 0, gates: 0)
        for index in devices.lastSeen.indices {
            if devices.school[index] != school {
                if counts != (0, 0) { result[school] = counts }
                school = devices.school[index]
                counts = (0, 0)
            }
            guard window.contains(devices.lastSeen[index]) else { continue }
            if devices.isGate[index] { counts.gates += 1 } else { counts.cameras += 1 }
        }
        if counts != (0, 0) { result[school] = counts }
        return result
    }

    /// Every camera and gate that is not retired, in school order, with its last heartbeat.
    private static func watchedDevices(_ db: Database) throws -> Devices {
        var devices = Devices()
        let rows = try LiveQueries.watchedDevices(db)
        while let row = try rows.next() {
            guard let id = row.checkedInt64(0), let school = row.checkedInt64(1) else { continue }
            devices.slot[id] = devices.school.count
            devices.school.append(school)
            devices.isGate.append(row.checkedInt64(2) == 1)
            devices.lastSeen.append(row.checkedInt64(3) ?? Int64.min)
        }
        return devices
    }
}
