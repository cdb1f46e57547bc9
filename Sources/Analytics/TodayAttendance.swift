import Foundation
import SectorData
import GRDB
import Synchronization

/// The report day's attendance, kept across refreshes and updated from the rows written since the last one.
///
/// Holds each student's row of the day (school, class, status) and the per-class counts. A refresh reads the
/// day's `max(recorded_at)` (one seek in `idx_attendance_day_recorded`); when it moved, only the rows written
/// since the previous mark (minus `PastDaySummaries.lagMargin`, for rows delivered slightly out of order) are
/// read and applied — a student's previous status is taken out before the new one is counted, so re-reading a
/// row is harmless. Used only when every row of the day is recorded by as-of (the live console); a replay at an
/// earlier instant, a mark that went backwards, or ids too large to pack fall back to SQL.
final class TodayAttendance: Sendable {
    /// Counts of one class: present, late, excused, unexcused.
    struct Counts: Sendable {
        var present = 0, late = 0, excused = 0, unexcused = 0

        /// Present or late.
        var attending: Int { present + late }
        /// Every row of the class.
        var reported: Int { present + late + excused + unexcused }
    }

    /// What a report needs: per-class counts and the students absent today.
    struct Snapshot {
        let byClass: [FigureQueries.ClassKey: Counts]
        let absent: Set<Int64>
    }

    struct State: Sendable {
        var key: String?
        var day: String?
        var mark: String?
        /// student → school (24 bits) | class (36 bits) | status (4 bits).
        var rows: [Int64: UInt64] = [:]
        var byClass: [FigureQueries.ClassKey: Counts] = [:]
        /// Students whose row says excused or unexcused.
        var absent: Set<Int64> = []
        var fullLoads = 0
        var rowsApplied = 0
    }

    private let state = Mutex(State())

    /// Writes the day's rows and counts for the warm-start file.
    func encode(into w: inout BinaryWriter) {
        let s = state.withLock { $0 }
        w.optionalString(s.key); w.optionalString(s.day); w.optionalString(s.mark)
        // In chunks, so neither side holds a second copy of every row.
        let chunk = 1 << 16
        w.int(Int64(s.rows.count))
        var students: [Int64] = [], packed: [UInt64] = []
        students.reserveCapacity(chunk); packed.reserveCapacity(chunk)
        for (student, value) in s.rows {
            students.append(student); packed.append(value)
            if students.count == chunk {
                w.array(students); w.array(packed)
                students.removeAll(keepingCapacity: true); packed.removeAll(keepingCapacity: true)
            }
        }
        if !students.isEmpty { w.array(students); w.array(packed) }
        let keys = Array(s.byClass.keys)
        w.array(keys.map(\.school)); w.array(keys.map(\.classID))
        let counts = keys.map { s.byClass[$0] ?? Counts() }
        w.array(counts.map { Int64($0.present) }); w.array(counts.map { Int64($0.late) })
        w.array(counts.map { Int64($0.excused) }); w.array(counts.map { Int64($0.unexcused) })
        w.array(Array(s.absent))
    }

    /// Reads what `encode` wrote.
    static func decode(from r: inout BinaryReader) throws -> State {
        var s = State()
        s.key = try r.optionalString(); s.day = try r.optionalString(); s.mark = try r.optionalString()
        let total = try r.count(perElement: 16)
        s.rows.reserveCapacity(total)
        while s.rows.count < total {
            let students = try r.array(Int64.self), packed = try r.array(UInt64.self)
            guard students.count == packed.count, !students.isEmpty else { throw BinaryReader.Malformed() }
            for i in students.indices { s.rows[students[i]] = packed[i] }
        }
        guard s.rows.count == total else { throw BinaryReader.Malformed() }
        let schools = try r.array(Int64.self), classes = try r.array(Int64.self)
        let present = try r.array(Int64.self), late = try r.array(Int64.self)
        let excused = try r.array(Int64.self), unexcused = try r.array(Int64.self)
        guard [classes.count, present.count, late.count, excused.count, unexcused.count].allSatisfy({ $0 == schools.count })
        else { throw BinaryReader.Malformed() }
        for i in schools.indices {
            s.byClass[FigureQueries.ClassKey(school: schools[i], classID: classes[i])] =
                Counts(present: Int(present[i]), late: Int(late[i]), excused: Int(excused[i]), unexcused: Int(unexcused[i]))
        }
        s.absent = Set(try r.array(Int64.self))
        return s
    }

    /// Installs a decoded state (the statistics are kept).
    func install(_ restored: State) {
        state.withLock { s in
            var fresh = restored
            fresh.fullLoads = s.fullLoads
            fresh.rowsApplied = s.rowsApplied
            s = fresh
        }
    }

    /// Forgets the day (the next snapshot loads it in full); the statistics are kept.
    func invalidate() {
        state.withLock { s in s = State(fullLoads: s.fullLoads, rowsApplied: s.rowsApplied) }
    }

    /// (full loads of the day, rows applied incrementally) so far.
    var statistics: (fullLoads: Int, rowsApplied: Int) { state.withLock { ($0.fullLoads, $0.rowsApplied) } }

    private static let statuses = ["present", "late", "excused", "unexcused"]

    private static func pack(school: Int64, classID: Int64, status: String) -> UInt64? {
        guard let code = statuses.firstIndex(of: status), school >= 0, school < (1 << 24),
              classID >= 0, classID < (1 << 36) else { return nil }
        return UInt64(school) << 40 | UInt64(classID) << 4 | UInt64(code)
    }

    private static func apply(_ packed: UInt64, sign: Int, to byClass: inout [FigureQueries.ClassKey: Counts]) {
        let key = FigureQueries.ClassKey(school: Int64(packed >> 40), classID: Int64((packed >> 4) & ((1 << 36) - 1)))
        var c = byClass[key] ?? Counts()
        switch packed & 0xF {
        case 0: c.present += sign
        case 1: c.late += sign
        case 2: c.excused += sign
        default: c.unexcused += sign
        }
        byClass[key] = c
    }

    /// The day's attendance for a report at `asOf`, or nil when the SQL path must answer.
    func snapshot(_ db: Database, key: String, day: String, asOf: String) throws -> Snapshot? {
        let mark = try String.fetchOne(db, sql: "SELECT max(recorded_at) FROM attendance WHERE day = ?", arguments: [day])
        if let mark, mark > asOf { return nil }
        return try state.withLock { s -> Snapshot? in
            let fresh = s.key != key || s.day != day || (s.mark != nil && (mark ?? "") < (s.mark ?? ""))
            if fresh {
                s = State(key: key, day: day, mark: nil, rows: [:], byClass: [:], absent: [],
                          fullLoads: s.fullLoads + 1, rowsApplied: s.rowsApplied)
                guard try load(db, day: day, since: nil, into: &s) else { s = State(); return nil }
            } else if let old = s.mark {
                // Re-read what was written since the last mark (less the lag margin) even when the mark has not
                // moved: timestamps have one-second precision, so rows committed in the same second as the mark
                // leave it unchanged. Rows already applied unchanged are skipped.
                let since = SnapshotTime.parse(old).map { SnapshotTime.format($0.addingTimeInterval(-PastDaySummaries.lagMargin)) } ?? old
                guard try load(db, day: day, since: since, into: &s) else { s = State(); return nil }
            } else if mark != nil {
                guard try load(db, day: day, since: nil, into: &s) else { s = State(); return nil }
            }
            s.mark = mark
            return Snapshot(byClass: s.byClass, absent: s.absent)
        }
    }

    /// Reads the day's rows (all, or those written after `since`) and applies them; false if one cannot be packed.
    private func load(_ db: Database, day: String, since: String?, into s: inout State) throws -> Bool {
        let rows: RowCursor
        if let since {
            rows = try Row.fetchCursor(db, sql: """
                SELECT student_id, school_id, class_id, status FROM attendance WHERE day = ? AND recorded_at > ?
                """, arguments: [day, since])
        } else {
            rows = try Row.fetchCursor(db, sql: """
                SELECT student_id, school_id, class_id, status FROM attendance WHERE day = ?
                """, arguments: [day])
        }
        while let row = try rows.next() {
            let student: Int64 = row[0]
            let status: String = row[3]
            guard let packed = Self.pack(school: row[1], classID: row[2], status: status) else {
                if Self.statuses.contains(status) { return false }
                // An unknown status counts nowhere, as in the SQL path.
                if let old = s.rows.removeValue(forKey: student) { Self.apply(old, sign: -1, to: &s.byClass) }
                s.absent.remove(student)
                continue
            }
            if let old = s.rows[student] {
                if old == packed { continue }
                Self.apply(old, sign: -1, to: &s.byClass)
            }
            s.rows[student] = packed
            Self.apply(packed, sign: 1, to: &s.byClass)
            if packed & 0xF >= 2 { s.absent.insert(student) } else { s.absent.remove(student) }
            s.rowsApplied += 1
        }
        return true
    }
}
