/// Chronic absence before the report day, province-wide: enrolled students already at the threshold per class,
/// and every enrolled student's absences so far (to add today's absences to). Built by `PastDayCache`.
struct ChronicBase: Sendable {
    let atThreshold: [FigureQueries.ClassKey: Int]
    /// `atThreshold` summed per school.
    let atThresholdBySchool: [Int64: Int]
    /// Absences before the day per student slot of the `StudentFacts` it was built from.
    let pastBySlot: [UInt16]
    let minDays: Int

    init(atThreshold: [FigureQueries.ClassKey: Int], pastBySlot: [UInt16], minDays: Int) {
        self.atThreshold = atThreshold
        var bySchool: [Int64: Int] = [:]
        for (key, n) in atThreshold { bySchool[key.school, default: 0] += n }
        atThresholdBySchool = bySchool
        self.pastBySlot = pastBySlot
        self.minDays = minDays
    }

    /// Whether today's absence brings the student in `slot` to the threshold: enrolled on `dayNumber`, one
    /// absence short before it.
    func reachesThreshold(_ slot: Int, students: StudentFacts, dayNumber: Int32) -> Bool {
        guard slot < pastBySlot.count, students.isEnrolled(slot, on: dayNumber) else { return false }
        let past = Int(pastBySlot[slot])
        return past < minDays && past + 1 >= minDays
    }
}

/// What a held `ChronicBase` was built from: the absences' version, the students' token, the day, the threshold.
struct ChronicKey: Equatable, Sendable {
    let absencesVersion: Int
    let studentsToken: Int64
    let day: String
    let minDays: Int
}
