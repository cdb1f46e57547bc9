import Foundation
import SectorData
import GRDB
import Synchronization

/// The report day's attendance, kept across refreshes and updated from the rows written since the last one.
///
/// Holds each student's row of the day (school, class, status) and the per-class counts. A refresh reads the
/// day's `max(recorded_at)` (one seek in `idx_attendance_day_recorded`), then the rows stamped from the previous
/// mark on — or, when the `late_attendance` change token moved (a row was written out of order) or there are no
/// tokens, from `PastDaySummaries.lagMargin` before it — and applies them: a student's previous status is taken
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
        /// The chronic base named, and the students reaching its threshold today per school.
        let reaching: (base: PastDaySummaries.ChronicBase, bySchool: [Int64: Int])?
    }

    /// The chronic-absence base the reaching counts are kept against.
    struct ChronicBasis {
        let key: PastDaySummaries.ChronicKey
        let base: PastDaySummaries.ChronicBase
        let students: StudentFacts
        let dayNumber: Int32

        /// The school of the student's current class when today's absence brings the student to the threshold.
        func reachingSchool(of student: Int64) -> Int64? {
            guard let slot = students.slot(of: student),
                  base.reachesThreshold(slot, students: students, dayNumber: dayNumber) else { return nil }
            return students.classKey(slot).school
        }
    }

    /// The roster state the per-school counts are kept against: its key and enrollment per class.
    struct Basis {
        let key: [String]
        let figures: RosterCache.DayFigures
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
        /// Students whose row of the day does not count, and the school and class the row names.
        var leftOut: [Int64: FigureQueries.ClassKey] = [:]
        var fullLoads = 0
        var rowsApplied = 0
        /// The `late_attendance` token when the day was last read (nil: no tokens).
        var lateToken: Int64?
        /// The `students` token the rows were checked against (which rows count depends on the students).
        var studentsToken: Int64?
        /// Reaching counts against the chronic base of `chronicBasis` (nil: not kept), updated as `absent` changes.
        var chronicBasis: ChronicBasis?
        var reachingBySchool: [Int64: Int] = [:]
        /// Per-school counts against the roster state `basisKey` (nil: not kept), updated with every row applied.
        var basisKey: [String]?
        var enrolledByClass: [FigureQueries.ClassKey: Int] = [:]
        var bySchool: [Int64: SchoolCounts] = [:]

        /// Counts a row in (`sign` 1) or out (-1) of its class, and of its school when per-school counts are kept.
        mutating func apply(_ packed: UInt64, sign: Int) {
            let key = FigureQueries.ClassKey(school: Int64(packed >> 40), classID: Int64((packed >> 4) & ((1 << 36) - 1)))
            // Updated in place: one hash lookup per dictionary.
            let (before, after) = TodayAttendance.count(packed, sign: sign, reportedIn: &byClass[key, default: Counts()])
            guard basisKey != nil else { return }
            let enrolled = enrolledByClass[key] ?? 0
            let unreported = max(0, enrolled - after) - max(0, enrolled - before)
            Self.add(packed, sign: sign, unreported: unreported, into: &bySchool[key.school, default: SchoolCounts()])
        }

        private static func add(_ packed: UInt64, sign: Int, unreported: Int, into school: inout SchoolCounts) {
            TodayAttendance.count(packed, sign: sign, into: &school.statuses)
            school.unreported += unreported
        }

        /// Builds the per-school counts against `basis` from the per-class counts.
        mutating func keepSchoolCounts(against basis: Basis) {
            keepSchoolCounts(against: basis.figures.enrolledByClass)
            basisKey = basis.key
        }

        /// Builds the per-school counts against enrollment per class from the per-class counts.
        mutating func keepSchoolCounts(against enrolled: [FigureQueries.ClassKey: Int]) {
            var sums: [Int64: SchoolCounts] = [:]
            for (key, c) in byClass {
                var school = sums[key.school] ?? SchoolCounts()
                school.statuses.present += c.present; school.statuses.late += c.late
                school.statuses.excused += c.excused; school.statuses.unexcused += c.unexcused
                sums[key.school] = school
            }
            for (key, n) in enrolled {
                sums[key.school, default: SchoolCounts()].unreported += max(0, n - (byClass[key]?.reported ?? 0))
            }
            enrolledByClass = enrolled
            bySchool = sums
        }

        /// Marks a student absent today or not, keeping the reaching counts.
        mutating func setAbsent(_ student: Int64, _ isAbsent: Bool) {
            let changed = isAbsent ? absent.insert(student).inserted : absent.remove(student) != nil
            guard changed, let chronicBasis, let school = chronicBasis.reachingSchool(of: student) else { return }
            reachingBySchool[school, default: 0] += isAbsent ? 1 : -1
        }

        /// Builds the reaching counts against `basis` from the students absent today.
        mutating func keepReaching(against basis: ChronicBasis) {
            var counts: [Int64: Int] = [:]
            for student in absent { if let school = basis.reachingSchool(of: student) { counts[school, default: 0] += 1 } }
            chronicBasis = basis
            reachingBySchool = counts
        }

        /// Stops keeping per-school counts.
        mutating func dropSchoolCounts() {
            basisKey = nil
            enrolledByClass = [:]
            bySchool = [:]
        }
    }

    private let state = Mutex(State())

    /// Writes the day's rows and counts for the warm-start file.
    func encode(into w: inout BinaryWriter) {
        let s = state.withLock { $0 }
        w.optionalString(s.key); w.optionalString(s.day); w.optionalString(s.mark)
        w.optionalString(s.studentsToken.map(String.init))
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
        let leftOut = Array(s.leftOut)
        w.array(leftOut.map(\.key)); w.array(leftOut.map(\.value.school)); w.array(leftOut.map(\.value.classID))
    }

    /// Reads what `encode` wrote.
    static func decode(from r: inout BinaryReader) throws -> State {
        var s = State()
        s.key = try r.optionalString(); s.day = try r.optionalString(); s.mark = try r.optionalString()
        s.studentsToken = try r.optionalString().flatMap { Int64($0) }
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
        let leftStudents = try r.array(Int64.self), leftSchools = try r.array(Int64.self), leftClasses = try r.array(Int64.self)
        guard leftSchools.count == leftStudents.count, leftClasses.count == leftStudents.count else { throw BinaryReader.Malformed() }
        for i in leftStudents.indices {
            s.leftOut[leftStudents[i]] = FigureQueries.ClassKey(school: leftSchools[i], classID: leftClasses[i])
        }
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

    /// The status as its code (`AttendanceStatus.code`, -1 for anything else), in SQL: no string per row.
    private static let statusCodeSQL = AttendanceStatus.sqlCode("status")

    private static func pack(school: Int64, classID: Int64, code: Int64) -> UInt64? {
        guard (0...3).contains(code), school >= 0, school < (1 << 24), classID >= 0, classID < (1 << 36) else { return nil }
        return UInt64(school) << 40 | UInt64(classID) << 4 | UInt64(code)
    }

    /// `count`, returning the class's reported count before and after.
    fileprivate static func count(_ packed: UInt64, sign: Int, reportedIn c: inout Counts) -> (Int, Int) {
        let before = c.reported
        count(packed, sign: sign, into: &c)
        return (before, c.reported)
    }

    fileprivate static func count(_ packed: UInt64, sign: Int, into c: inout Counts) {
        c.add(sign, AttendanceStatus(code: Int(packed & 0xF)) ?? .unexcused)
    }

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
    func snapshot(_ db: Database, key: String, day: String, asOf: String, roster: Roster?, lateToken: Int64? = nil,
                  basis: Basis? = nil, chronic: ChronicBasis? = nil) throws -> Snapshot? {
        guard let roster, let dayNumber = StudentFacts.dayNumber(day) else { return nil }
        let mark = try Row.fetchOne(try db.cachedStatement(sql: "SELECT max(recorded_at) FROM attendance WHERE day = ?"),
                                    arguments: [day])?.checkedText(0)
        if let mark, mark > asOf { return nil }
        let rows = RowCheck(students: roster.students, day: dayNumber)
        return try state.withLock { s -> Snapshot? in
            let fresh = s.key != key || s.day != day || s.studentsToken != roster.token
                || (s.mark != nil && (mark ?? "") < (s.mark ?? ""))
            if basis?.key != s.basisKey { s.dropSchoolCounts() }
            if chronic?.key != s.chronicBasis?.key { s.chronicBasis = nil; s.reachingBySchool = [:] }
            if fresh {
                s = State(key: key, day: day, mark: nil, rows: [:], byClass: [:], absent: [],
                          fullLoads: s.fullLoads + 1, rowsApplied: s.rowsApplied, studentsToken: roster.token)
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
                    since = PastDaySummaries.marginStart(before: old)
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
                            reaching: chronic.map { ($0.base, s.reachingBySchool) })
        }
    }

    /// Which rows of the report day count, against the held students.
    struct RowCheck {
        let students: StudentFacts
        let day: Int32

        /// Whether a row (student, school, status code) counts (`IndicatorRules.problem` is nil).
        func counts(student: Int64, school: Int64, statusCode: Int64) -> Bool {
            IndicatorRules.problem(student: student, school: school, day: day, statusCode: Int(statusCode),
                                   students: students) == nil
        }
    }

    /// Reads the day's rows (all, or those stamped at or after `since`) and applies them; false if one cannot be
    /// packed. A row that does not count takes the student's earlier row out, as a missing row would.
    private func load(_ db: Database, day: String, since: String?, check: RowCheck, into s: inout State) throws -> Bool {
        let rows: RowCursor
        if let since {
            rows = try Row.fetchCursor(try db.cachedStatement(sql: """
                SELECT student_id, school_id, class_id, \(Self.statusCodeSQL) FROM attendance WHERE day = ? AND recorded_at >= ?
                """), arguments: [day, since])
        } else {
            rows = try Row.fetchCursor(try db.cachedStatement(sql: """
                SELECT student_id, school_id, class_id, \(Self.statusCodeSQL) FROM attendance WHERE day = ?
                """), arguments: [day])
        }
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
            guard counted, let school, let classID, let packed = Self.pack(school: school, classID: classID, code: code) else {
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
