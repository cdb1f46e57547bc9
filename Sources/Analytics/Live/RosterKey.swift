import SectorData

/// What a day's roster figures depend on: the tokens of the tables they read (students, classes, teachers,
/// intake plans; 0 for one not tracked), the report day and the school year's start.
struct RosterKey: Hashable, Sendable {
    let students: Int64
    let classes: Int64
    let teachers: Int64
    let intakePlans: Int64
    let day: String
    let yearStart: String

    init(tokens: ChangeTokens, day: ReportDay) {
        students = tokens.students ?? 0
        classes = tokens.classes ?? 0
        teachers = tokens.teachers ?? 0
        intakePlans = tokens.intakePlans ?? 0
        self.day = day.day
        yearStart = day.yearStart ?? ""
    }
}

/// What the trend's enrolled-per-day counts were made for: the `students` token (0 when not tracked) and the days.
struct EnrolledKey: Hashable, Sendable {
    let students: Int64
    let days: [String]

    init(students: Int64, days: [String]) {
        self.students = students
        self.days = days
    }

    /// The form the warm-start file holds: the token, then the days.
    var encoded: [String] { ["\(students)"] + days }

    /// Reads `encoded`'s form; nil when it is not one.
    init?(encoded: [String]) {
        guard let first = encoded.first, let students = Int64(first) else { return nil }
        self.init(students: students, days: Array(encoded.dropFirst()))
    }
}
