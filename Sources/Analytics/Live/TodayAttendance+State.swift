import Foundation
import SectorData

/// The day's rows and the counts kept from them, updated row by row.
extension TodayAttendance {
    struct State: Sendable {
        var key: SummaryKey?
        var day: String?
        var mark: String?
        /// student → school (24 bits) | check-in bin (11 bits) | class (25 bits) | status (4 bits).
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
        /// The local midnight (Unix seconds) the rows' check-in bins are counted from (`CheckInMinutes`).
        var dayStart: Int64?
        /// Reaching counts against the chronic base of `chronicBasis` (nil: not kept), updated as `absent` changes.
        var chronicBasis: ChronicBasis?
        var reachingBySchool: [Int64: Int] = [:]
        /// The same per class (a school's drill adds up its classes).
        var reachingByClass: [FigureQueries.ClassKey: Int] = [:]
        /// Per-school counts against the roster state `basisKey` (nil: not kept), updated with every row applied.
        var basisKey: RosterKey?
        var enrolledByClass: [FigureQueries.ClassKey: Int] = [:]
        var bySchool: [Int64: SchoolCounts] = [:]

        /// Counts a row in (`sign` 1) or out (-1) of its class, and of its school when per-school counts are kept.
        mutating func apply(_ packed: UInt64, sign: Int) {
            let key = TodayAttendance.classKey(packed)
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
            guard changed, let chronicBasis, let key = chronicBasis.reachingClass(of: student) else { return }
            reachingBySchool[key.school, default: 0] += isAbsent ? 1 : -1
            reachingByClass[key, default: 0] += isAbsent ? 1 : -1
        }

        /// Builds the reaching counts against `basis` from the students absent today.
        mutating func keepReaching(against basis: ChronicBasis) {
            var counts: [Int64: Int] = [:]
            var byClass: [FigureQueries.ClassKey: Int] = [:]
            for student in absent { if let key = basis.reachingClass(of: student) { byClass[key, default: 0] += 1 } }
            for (key, n) in byClass { counts[key.school, default: 0] += n }
            reachingByClass = byClass
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

    /// `count`, returning the class's reported count before and after.
    static func count(_ packed: UInt64, sign: Int, reportedIn c: inout Counts) -> (Int, Int) {
        let before = c.reported
        count(packed, sign: sign, into: &c)
        return (before, c.reported)
    }

    static func count(_ packed: UInt64, sign: Int, into c: inout Counts) {
        c.add(sign, AttendanceStatus(code: Int(packed & 0xF)) ?? .unexcused)
    }
}
