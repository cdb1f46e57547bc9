import Foundation
import GRDB

/// Every student's absences before the report day, and the chronic-absence base built from them.
extension PastDayCache {
    /// Whether province-wide absences before `day` are held (so a school drill can use them without a fill).
    func hasAbsences(yearStart: String, before day: String) -> Bool {
        state.withLock {
            ($0.absences != nil || $0.absenceColumns != nil) && $0.absencesYearStart == yearStart && $0.absencesBefore == day
        }
    }

    /// Absences per school and student on school-year days in [yearStart, day), extending or rebuilding the
    /// held counts.
    func absences(_ db: Database, yearStart: String, before day: String) throws -> [Int64: [Int64: Int]] {
        let held = state.withLock { s in
            s.materializeAbsences()
            return (s.absences, s.absencesYearStart, s.absencesBefore)
        }
        if let counts = held.0, held.1 == yearStart, held.2 == day { return counts }
        var counts: [Int64: [Int64: Int]]
        let from: String
        if let previous = held.0, held.1 == yearStart, let before = held.2, before < day {
            counts = previous
            from = before  // the day moved forward: add the days in between
        } else {
            counts = [:]
            from = yearStart
        }
        try LiveQueries.absencesByStudent(db, from: from, before: day) { school, student, n in
            counts[school, default: [:]][student, default: 0] += n
        }
        state.withLock { s in
            s.absences = counts
            s.absencesYearStart = yearStart
            s.absencesBefore = day
            s.absencesVersion += 1
        }
        return counts
    }

    /// The chronic base held for these inputs, if one is (nothing is computed).
    func heldChronicBase(students: StudentFacts, studentsToken: Int64?, day: String,
                         minDays: Int) -> (key: ChronicKey, base: ChronicBase)? {
        guard let studentsToken else { return nil }
        return state.withLock { s in
            let key = ChronicKey(absencesVersion: s.absencesVersion, studentsToken: studentsToken, day: day, minDays: minDays)
            guard s.chronicKey == key, let held = s.chronic, held.pastBySlot.count == students.count else { return nil }
            return (key, held)
        }
    }

    /// The chronic-absence base for the report day, rebuilt only when the absences, the students or the
    /// threshold changed. Counts absences in any school, attributed to the student's current class.
    /// `studentsToken` nil (a snapshot without change tokens): built afresh and not kept.
    func chronicBase(_ db: Database, students: StudentFacts, studentsToken: Int64?, yearStart: String, day: String,
                     minDays: Int) throws -> ChronicBase {
        // A held base for this day and absences version was built after the absences reached `day`: check it
        // before the absences themselves, which a restored console may then never need to decode.
        if let held = heldChronicBase(students: students, studentsToken: studentsToken, day: day, minDays: minDays) {
            return held.base
        }
        let past = try absences(db, yearStart: yearStart, before: day)
        let key = studentsToken.map { token in
            state.withLock { s in
                ChronicKey(absencesVersion: s.absencesVersion, studentsToken: token, day: day, minDays: minDays)
            }
        }
        var bySlot = [UInt16](repeating: 0, count: students.count)
        for (_, perStudent) in past {
            for (student, n) in perStudent {
                guard let slot = students.slot(of: student) else { continue }
                bySlot[slot] = UInt16(clamping: Int(bySlot[slot]) + n)
            }
        }
        var atThreshold: [FigureQueries.ClassKey: Int] = [:]
        if let dayNumber = StudentFacts.dayNumber(day) {
            for slot in 0..<students.count where Int(bySlot[slot]) >= minDays && students.isEnrolled(slot, on: dayNumber) {
                atThreshold[students.classKey(slot), default: 0] += 1
            }
        }
        let base = ChronicBase(atThreshold: atThreshold, pastBySlot: bySlot, minDays: minDays)
        if let key {
            state.withLock { s in
                s.chronicKey = key
                s.chronic = base
            }
        }
        return base
    }
}
