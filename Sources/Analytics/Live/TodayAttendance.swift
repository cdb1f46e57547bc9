import Foundation
import SectorData
import GRDB
import Synchronization

/// The report day's attendance, kept across refreshes and updated from the rows written since the last one.
///
/// Holds each student's row of the day (school, class, status) and the per-class counts. A refresh reads the
/// day's `max(recorded_at)` (one seek in `idx_attendance_day_recorded`), then the rows stamped from the previous
/// mark on — or, when the `late_attendance` change token moved (a row was written out of order) or there are no
/// tokens, from `LagMargin.seconds` before it — and applies them: a student's previous status is taken
/// out before the new one is counted, so re-reading a row is harmless. Used only when every row of the day is
/// recorded by as-of (the live console); a replay at an earlier instant, a mark that went backwards, or ids too
/// large to pack fall back to SQL.
///
/// For unit reports it also keeps, as rows are applied, per-school counts against one roster state (statuses and
/// the unreported) and the students whom today's absence brings to the chronic threshold against one chronic
/// base, so a refresh does not walk every class and every absent student again.
final class TodayAttendance: Sendable {
    /// Counts of one class: present, late, excused, unexcused.
    typealias Counts = AttendanceCounts

    /// A school's counts of the day: its classes' statuses, and the students not yet reported (per class,
    /// enrolled − reported, never below zero) against one roster state.
    struct SchoolCounts: Sendable {
        var statuses = Counts()
        var unreported = 0
    }

    /// What a report needs: per-class counts, the students absent today and, when the report named a roster
    /// state, the per-school counts against it; when it named a chronic-absence base, the students absent today
    /// who reach the threshold with today's absence, per school of their current class.
    struct Snapshot {
        let byClass: [FigureQueries.ClassKey: Counts]
        let absent: Set<Int64>
        let bySchool: [Int64: SchoolCounts]?
        /// Rows of the day that do not count (`IndicatorRules`), per the school and class they name.
        let leftOut: [FigureQueries.ClassKey: Int]
        /// The chronic base named, and the students reaching its threshold today per school and per class.
        let reaching: (base: ChronicBase, bySchool: [Int64: Int], byClass: [FigureQueries.ClassKey: Int])?
    }

    /// The chronic-absence base the reaching counts are kept against.
    struct ChronicBasis {
        let key: ChronicKey
        let base: ChronicBase
        let students: StudentFacts
        let dayNumber: Int32

        /// The student's current class when today's absence brings the student to the threshold.
        func reachingClass(of student: Int64) -> FigureQueries.ClassKey? {
            guard let slot = students.slot(of: student),
                  base.reachesThreshold(slot, students: students, dayNumber: dayNumber) else { return nil }
            return students.classKey(slot)
        }
    }

    /// The roster state the per-school counts are kept against: its key and enrollment per class.
    struct Basis {
        let key: RosterKey
        let figures: RosterCache.DayFigures
    }

    let state = Mutex(State())
    /// The last day's minutes (`CheckInMinutes`), kept so a refresh does not format them again.
    private let dayMinutes = Mutex<CheckInMinutes?>(nil)

    /// The minutes of the day starting at `dayStart`.
    private func minutes(from dayStart: Int64) -> CheckInMinutes {
        dayMinutes.withLock { held in
            if let held, held.dayStart == dayStart { return held }
            let made = CheckInMinutes(dayStart: dayStart)
            held = made
            return made
        }
    }

    /// Forgets the day (the next snapshot loads it in full); the statistics are kept.
    func invalidate() {
        state.withLock { s in s = State(fullLoads: s.fullLoads, rowsApplied: s.rowsApplied) }
    }

    /// (full loads of the day, rows applied incrementally) so far.
    var statistics: (fullLoads: Int, rowsApplied: Int) { state.withLock { ($0.fullLoads, $0.rowsApplied) } }

    /// A row as school (24 bits) | check-in bin (11 bits, `CheckInMinutes`) | class (25 bits) | status (4 bits).
    private static func pack(school: Int64, classID: Int64, code: Int64, bin: Int) -> UInt64? {
        guard (0...3).contains(code), school >= 0, school < (1 << 24), classID >= 0, classID < (1 << 25),
              (0 ..< CheckInMinutes.binCount).contains(bin) else { return nil }
        return UInt64(school) << 40 | UInt64(bin) << 29 | UInt64(classID) << 4 | UInt64(code)
    }

    /// The school and class of a packed row.
    static func classKey(_ packed: UInt64) -> FigureQueries.ClassKey {
        FigureQueries.ClassKey(school: Int64(packed >> 40), classID: Int64((packed >> 4) & ((1 << 25) - 1)))
    }

    /// The check-in bin of a packed row.
    static func bin(_ packed: UInt64) -> Int { Int((packed >> 29) & 0x7FF) }

    /// The students each row is checked against (`IndicatorRules`: a row counts only for an existing student,
    /// at that student's school, while enrolled), and the `students` token they were read at.
    struct Roster {
        let students: StudentFacts
        let token: Int64
    }

    /// The day's attendance for a report at `asOf`, or nil when the SQL path must answer. With `basis`, the
    /// per-school counts against that roster state as well; with `chronic`, the reaching counts against that base
    /// (each built once, then kept with every row applied). `lateToken` is the snapshot's `late_attendance` token.
    /// Without a `roster` (no change tokens, or students that do not fit the compact form) the SQL path answers.
    /// `dayStart` is the day's local midnight (Unix seconds): each row keeps its check-in bin against it.
    func snapshot(_ db: Database, key: SummaryKey, day: String, asOf: String, roster: Roster?, lateToken: Int64? = nil,
                  basis: Basis? = nil, chronic: ChronicBasis? = nil, dayStart: Int64? = nil) throws -> Snapshot? {
        guard let roster, let dayNumber = StudentFacts.dayNumber(day),
              let dayStart = dayStart ?? Self.utcMidnight(of: day) else { return nil }
        let mark = try LiveQueries.dayMark(db, day: day)
        if let mark, mark > asOf { return nil }
        let rows = RowCheck(students: roster.students, day: dayNumber, minutes: minutes(from: dayStart))
        return try state.withLock { s -> Snapshot? in
            let fresh = s.key != key || s.day != day || s.studentsToken != roster.token || s.dayStart != dayStart
                || (s.mark != nil && (mark ?? "") < (s.mark ?? ""))
            if basis?.key != s.basisKey { s.dropSchoolCounts() }
            if chronic?.key != s.chronicBasis?.key {
                s.chronicBasis = nil; s.reachingBySchool = [:]; s.reachingByClass = [:]
            }
            if fresh {
                s = State(key: key, day: day, mark: nil, rows: [:], byClass: [:], absent: [],
                          fullLoads: s.fullLoads + 1, rowsApplied: s.rowsApplied, studentsToken: roster.token,
                          dayStart: dayStart)
                guard try load(db, day: day, since: nil, check: rows, into: &s) else { s = State(); return nil }
            } else if let old = s.mark {
                // Timestamps have one-second precision, so rows committed in the same second as the mark leave it
                // unchanged: the mark's second is read again. Rows already applied unchanged are skipped.
                let since: String
                if let lateToken, lateToken == s.lateToken {
                    // No row was written stamped before its day's newest since the last read: everything new is
                    // stamped at or after the old mark.
                    since = old
                } else {
                    // Rows may have arrived out of order: re-read the lag margin before the mark.
                    since = LagMargin.start(before: old)
                }
                guard try load(db, day: day, since: since, check: rows, into: &s) else { s = State(); return nil }
            } else if mark != nil {
                s.dropSchoolCounts()
                s.chronicBasis = nil
                guard try load(db, day: day, since: nil, check: rows, into: &s) else { s = State(); return nil }
            }
            s.mark = mark
            s.lateToken = lateToken
            if let basis, s.basisKey == nil { s.keepSchoolCounts(against: basis) }
            if let chronic, s.chronicBasis == nil { s.keepReaching(against: chronic) }
            return Snapshot(byClass: s.byClass, absent: s.absent, bySchool: basis == nil ? nil : s.bySchool,
                            leftOut: s.leftOut.values.reduce(into: [:]) { $0[$1, default: 0] += 1 },
                            reaching: chronic.map { ($0.base, s.reachingBySchool, s.reachingByClass) })
        }
    }

    /// The newest `recorded_at` read of `day`, when that day's rows are held.
    func heldMark(day: String) -> String? { state.withLock { $0.day == day ? $0.mark : nil } }

    /// Today's rows that count at `schools`, per check-in bin (`CheckInMinutes`); nil unless the held rows are
    /// `day`'s, binned from `dayStart`, read at `mark` (the day's newest `recorded_at` in the caller's transaction).
    func checkInBins(day: String, dayStart: Int64, mark: String?, schools: Set<Int64>) -> [Int]? {
        state.withLock { s in
            guard s.day == day, s.dayStart == dayStart, s.mark == mark, s.key != nil else { return nil }
            var bins = [Int](repeating: 0, count: CheckInMinutes.binCount)
            for packed in s.rows.values where schools.contains(Int64(packed >> 40)) { bins[Self.bin(packed)] += 1 }
            return bins
        }
    }

    /// The day's midnight in UTC (Unix seconds), for callers that name no time zone.
    private static func utcMidnight(of day: String) -> Int64? {
        guard let utc = TimeZone(secondsFromGMT: 0) else { return nil }
        return SnapshotTime.parseDay(day, in: utc).map { Int64($0.timeIntervalSince1970) }
    }

    /// Which rows of the report day count, against the held students.
    struct RowCheck {
        let students: StudentFacts
        let day: Int32
        /// The day's minutes, to bin each row's `recorded_at`.
        let minutes: CheckInMinutes

        /// Whether a row (student, school, status code) counts (`IndicatorRules.problem` is nil).
        func counts(student: Int64, school: Int64, statusCode: Int64) -> Bool {
            IndicatorRules.problem(student: student, school: school, day: day, statusCode: Int(statusCode),
                                   students: students) == nil
        }
    }

    /// Reads the day's rows (all, or those stamped at or after `since`) and applies them; false if one cannot be
    /// packed. A row that does not count takes the student's earlier row out, as a missing row would.
    private func load(_ db: Database, day: String, since: String?, check: RowCheck, into s: inout State) throws -> Bool {
        let rows = try LiveQueries.dayRows(db, day: day, since: since)
        while let row = try rows.next() {
            guard let student = row.checkedInt64(0) else { continue }
            // A row whose school or class is NULL or not an integer counts nowhere, like an unknown status.
            let school = row.checkedInt64(1), classID = row.checkedInt64(2)
            let code = (school == nil || classID == nil) ? -1 : (row.checkedInt64(3) ?? -1)
            let counted = school.map { check.counts(student: student, school: $0, statusCode: code) } ?? false
            if counted {
                s.leftOut[student] = nil
            } else {
                s.leftOut[student] = FigureQueries.ClassKey(school: school ?? -1, classID: classID ?? -1)
            }
            let bin = check.minutes.bin(ofRecorded: row.checkedText(4))
            guard counted, let school, let classID,
                  let packed = Self.pack(school: school, classID: classID, code: code, bin: bin) else {
                if counted { return false }
                // A row that does not count counts nowhere, as in the SQL path.
                if let old = s.rows.removeValue(forKey: student) { s.apply(old, sign: -1) }
                s.setAbsent(student, false)
                continue
            }
            let old = s.rows.updateValue(packed, forKey: student)
            if let old {
                if old == packed { continue }
                s.apply(old, sign: -1)
            }
            s.apply(packed, sign: 1)
            // The absent set changes only when the row's absence does (a student without a row is not in it).
            let isAbsent = packed & 0xF >= 2
            if isAbsent != old.map({ $0 & 0xF >= 2 }) ?? false { s.setAbsent(student, isAbsent) }
            s.rowsApplied += 1
        }
        return true
    }
}
