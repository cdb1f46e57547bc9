import Foundation
import GRDB
import SectorData
import Synchronization

/// The check-in curve's comparison days (`CheckInQuery`), kept: per school, the rows that count per check-in bin
/// (`CheckInMinutes`) of a day before the report day, and the pupils enrolled per school on any day asked for.
///
/// A past day's rows change only by writes that move a change token: a write to a day older than the newest day
/// with attendance moves `past_attendance` (corrections rewrite `recorded_at`, docs/WALL.md, and are such writes
/// when made on a later day), a deletion `attendance_deletions`; the students' version is part of `SummaryKey`.
/// So a day is kept only while it is older than the newest day with attendance, and everything is dropped when
/// the key moves. Without tokens nothing is kept (the SQL answers each time).
final class CheckInDays: Sendable {
    /// What the held days belong to: the snapshot, its students' version and the attendance tokens above.
    struct Key: Equatable, Sendable {
        let summary: SummaryKey
        let pastAttendance: Int64
        let deletions: Int64
    }

    /// One day's rows that count: per school, the running totals by minute (`CheckInMinutes.cumulative`).
    struct Day: Sendable {
        let dayStart: Int64
        let bySchool: [Int64: [Int32]]
    }

    struct State: Sendable {
        var key: Key?
        var days: [String: Day] = [:]
        /// Pupils enrolled per school, per day.
        var enrolled: [String: [Int64: Int]] = [:]
        var dayComputations = 0
    }

    private let state = Mutex(State())
    /// Days held at most (a curve asks for three; the oldest goes first).
    private static let heldDays = 4

    /// Past days summarised from raw rows so far (for tests and the benchmark).
    var dayComputations: Int { state.withLock { $0.dayComputations } }

    /// Forgets every day; the statistics are kept.
    func invalidate() {
        state.withLock { s in s = State(dayComputations: s.dayComputations) }
    }

    /// Per school, the rows of `day` that count reported by each minute; read from SQL unless held. Kept only when
    /// `day` is older than `newestDay` (the newest day with attendance).
    func day(_ db: Database, key: Key, day: String, dayStart: Int64, newestDay: String?) throws -> Day {
        if let held = state.withLock({ s -> Day? in
            if s.key != key { s = State(key: key, dayComputations: s.dayComputations) }
            return s.days[day].flatMap { $0.dayStart == dayStart ? $0 : nil }
        }) { return held }
        var bins: [Int64: [Int]] = [:]
        let minutes = CheckInMinutes(dayStart: dayStart)
        let rows = try LiveQueries.checkInRows(db, day: day)
        while let row = try rows.next() {
            guard let school = row.checkedInt64(0) else { continue }
            bins[school, default: [Int](repeating: 0, count: CheckInMinutes.binCount)][minutes.bin(ofRecorded: row.checkedText(1))] += 1
        }
        let computed = Day(dayStart: dayStart, bySchool: bins.mapValues { CheckInMinutes.cumulative($0).map { Int32(clamping: $0) } })
        state.withLock { s in
            s.dayComputations += 1
            guard s.key == key, let newestDay, day < newestDay else { return }
            s.days[day] = computed
            if s.days.count > Self.heldDays, let oldest = s.days.keys.min() { s.days[oldest] = nil }
        }
        return computed
    }

    /// Pupils enrolled per school on `day` (`IndicatorRules.enrolledSQL`); read from SQL unless held.
    func enrolled(_ db: Database, key: Key, day: String) throws -> [Int64: Int] {
        if let held = state.withLock({ s -> [Int64: Int]? in
            if s.key != key { s = State(key: key, dayComputations: s.dayComputations) }
            return s.enrolled[day]
        }) { return held }
        var counts: [Int64: Int] = [:]
        let rows = try LiveQueries.enrolledBySchool(db, on: day)
        while let row = try rows.next() {
            guard let school = row.checkedInt64(0), let n = row.checkedInt(1) else { continue }
            counts[school] = n
        }
        state.withLock { s in
            guard s.key == key else { return }
            s.enrolled[day] = counts
            if s.enrolled.count > Self.heldDays, let oldest = s.enrolled.keys.min() { s.enrolled[oldest] = nil }
        }
        return counts
    }
}
