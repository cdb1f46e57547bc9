import GRDB
import SectorData

/// One refresh of the caches, in the order each depends on the last.
extension LiveCaches {
    /// Brings the caches up to date inside this read transaction and returns today's rows (nil: the SQL path
    /// answers for them): the past days, then the roster's day figures and the chronic base that today's
    /// per-school and reaching counts are kept against. `chronicMinDays`: the chronic-absence threshold.
    func refresh(_ db: Database, _ inputs: RefreshInputs, chronicMinDays: Int) throws -> TodayAttendance.Snapshot? {
        let day = inputs.day
        try pastDays.synchronize(db, key: inputs.key, today: day.day, asOf: day.asOfText,
                                 pastToken: PastDayCache.PastToken(inputs.tokens))
        // Today's per-school counts are kept against the held roster state (only when tokens name it).
        var basis: TodayAttendance.Basis?
        if let tokens = inputs.tokens,
           let figures = try roster.dayFigures(db, tokens: tokens, day: day, students: inputs.students) {
            basis = TodayAttendance.Basis(key: RosterKey(tokens: tokens, day: day), figures: figures)
        }
        // … and the students reaching the chronic-absence threshold today, against a held base.
        var chronic: TodayAttendance.ChronicBasis?
        if let dayNumber = StudentFacts.dayNumber(day.day),
           let held = pastDays.heldChronicBase(students: inputs.students, studentsToken: inputs.studentsToken,
                                               day: day.day, minDays: chronicMinDays) {
            chronic = TodayAttendance.ChronicBasis(key: held.key, base: held.base, students: inputs.students,
                                                   dayNumber: dayNumber)
        }
        return try today.snapshot(db, key: inputs.key, day: day.day, asOf: day.asOfText,
                                  roster: .init(students: inputs.students, token: inputs.studentsVersion),
                                  lateToken: inputs.tokens?.lateAttendanceToken, basis: basis, chronic: chronic,
                                  dayStart: day.dayStart)
    }
}
