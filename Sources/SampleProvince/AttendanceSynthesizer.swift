/// Writes the attendance rows: every enrolled student of every reporting school on each history day,
/// plus today's records made so far, in primary-key order (day, student_id).
///
/// Gate schools record arrivals at the gate in a morning wave (06:45–07:30 local, late ones until 07:55)
/// and absences by teachers after roll call; other schools record whole classes at roll call
/// (07:15–08:40) through the school system ('teacher') or the app ('app'). Today only rows with
/// `recorded_at` ≤ now exist.
struct AttendanceSynthesizer {
    let blueprint: ProvinceBlueprint
    /// Days that get attendance, ascending; the last is today when today is a school day.
    let days: [Int]
    let today: Int
    let nowSeconds: Int
    let seed: UInt64

    /// Status texts, indexed as in `statusTexts`.
    private static let statusTexts = ["present", "late", "excused", "unexcused"]
    /// Source texts, indexed as in `sourceTexts`.
    private static let sourceTexts = ["gate", "teacher", "app"]

    /// Inserts the rows through `connection`, reporting the fraction of days done; returns rows written.
    func write(connection: OpaquePointer, progress: (Double) -> Void) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection, sql: """
            INSERT INTO attendance (day, student_id, class_id, school_id, status, recorded_at, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let statuses = StableCStrings(Self.statusTexts)
        let sources = StableCStrings(Self.sourceTexts)
        let dayTexts = StableCStrings(days.map(CivilTime.dateText(day:)))
        let stampBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: CivilTime.timestampLength)
        defer { stampBytes.deallocate() }
        let stampText = UnsafeRawPointer(stampBytes).assumingMemoryBound(to: CChar.self)
        let stampLength = Int32(CivilTime.timestampLength)

        let schools = blueprint.schools
        let reports = schools.map(\.reportsAttendance)
        let hasGate = schools.map(\.hasGate)
        let teacherSource = schools.map { $0.teachersUseApp ? 2 : 1 }
        let lateRate = schools.map(\.lateRate)
        let excusedShare = schools.map(\.excusedShare)
        let roster = blueprint.students
        let schoolIndex = roster.schoolIndex
        let classIDs = roster.classID
        let enrolledDay = roster.enrolledDay
        let leftDay = roster.leftDay
        let absence = roster.absenceProbability
        var random = SeededRandom(seed: seed, stream: 2)

        for (dayOffset, day) in days.enumerated() {
            let isToday = day == today
            let day32 = Int32(day)
            let dayStart = CivilTime.unixSeconds(provinceDay: day, secondOfDay: 0)
            let dayFactor = random.double(in: 0.9...1.15) * (CivilTime.weekday(day: day) == 6 ? 1.1 : 1.0)
            statement.bindStatic(1, dayTexts.pointer(dayOffset), length: dayTexts.length(dayOffset))
            var currentClass: Int32 = -1
            var rollCallSecond = 0
            var classSkipped = false
            for student in 0..<roster.count {
                let school = Int(schoolIndex[student])
                guard reports[school], enrolledDay[student] <= day32, leftDay[student] > day32 else { continue }
                let classID = classIDs[student]
                if classID != currentClass {
                    currentClass = classID
                    rollCallSecond = hasGate[school]
                        ? 7 * 3_600 + 50 * 60 + random.int(in: 0...3_000)
                        : 7 * 3_600 + 15 * 60 + random.int(in: 0...4_500)
                    classSkipped = !isToday && !hasGate[school] && random.chance(0.007)
                }
                if classSkipped { continue }
                let (status, source, second) = Self.mark(
                    &random, absenceChance: min(0.9, Double(absence[student]) * dayFactor),
                    excusedShare: excusedShare[school], lateRate: lateRate[school], hasGate: hasGate[school],
                    teacherSource: teacherSource[school], rollCallSecond: rollCallSecond)
                let recordedAt = dayStart + second
                if isToday && recordedAt > nowSeconds { continue }
                CivilTime.writeTimestamp(unixSeconds: recordedAt, into: stampBytes)
                statement.bind(2, student + 1)
                statement.bind(3, Int(classID))
                statement.bind(4, school + 1)
                statement.bindStatic(5, statuses.pointer(status), length: statuses.length(status))
                statement.bindStatic(6, stampText, length: stampLength)
                statement.bindStatic(7, sources.pointer(source), length: sources.length(source))
                try statement.insert()
            }
            progress(Double(dayOffset + 1) / Double(days.count))
        }
        return statement.rowsInserted
    }

    /// One student's row of a day: status and source (indexes into `statusTexts`, `sourceTexts`) and the second of
    /// the day it is recorded at. The draws come from `random` in a fixed order (the sample is deterministic).
    @inline(__always)
    private static func mark(_ random: inout SeededRandom, absenceChance: Double, excusedShare: Double, lateRate: Double,
                             hasGate: Bool, teacherSource: Int,
                             rollCallSecond: Int) -> (status: Int, source: Int, second: Int) {
        let draw = random.unit()
        if draw < absenceChance {
            return (draw < absenceChance * excusedShare ? 2 : 3, teacherSource, rollCallSecond + random.int(in: 0...600))
        }
        let status = draw < absenceChance + lateRate ? 1 : 0
        guard hasGate else { return (status, teacherSource, rollCallSecond + random.int(in: 0...600)) }
        let second = status == 0
            ? 6 * 3_600 + 45 * 60 + random.int(in: 0...1_350) + random.int(in: 0...1_350)
            : 7 * 3_600 + 30 * 60 + random.int(in: 0...1_500)
        return (status, 0, second)
    }
}
