import Foundation

/// The past days' and absences' part of the warm-start file (`SummaryStore`).
extension PastDayCache {
    /// Writes the past days and absences for `SummaryStore`; false when they are keyed by file identity (which a
    /// later process cannot check) or hold nothing.
    func encode(into w: inout BinaryWriter) -> Bool {
        let s = state.withLock { $0 }
        guard let key = s.key, key.isLineage else { return false }
        w.string(key.encoded)
        let days = s.dayMarks.keys.sorted()
        w.strings(days)
        for day in days { w.optionalString(s.dayMarks[day] ?? nil) }
        w.strings(s.recentlySeen.map { "\($0.day)|\($0.student)|\($0.at)" }.sorted())
        let trendDays = s.pastTrend.keys.sorted()
        w.strings(trendDays)
        for day in trendDays {
            let counts = s.pastTrend[day] ?? [:]
            let schools = counts.keys.sorted()
            w.array(schools)
            w.array(schools.map { Int64(counts[$0]?.attending ?? 0) })
            w.array(schools.map { Int64(counts[$0]?.reported ?? 0) })
        }
        if let start = s.absencesYearStart, let before = s.absencesBefore, s.absenceColumns != nil || s.absences != nil {
            w.int(1)
            w.string(start)
            w.string(before)
            // School by school, so neither side holds a second copy of every count.
            if let columns = s.absenceColumns {
                w.int(Int64(columns.count))
                for column in columns { w.int(column.school); w.array(column.students); w.array(column.counts) }
            } else if let absences = s.absences {
                w.int(Int64(absences.count))
                for (school, perStudent) in absences {
                    w.int(school); w.array(Array(perStudent.keys)); w.array(perStudent.values.map { Int32(clamping: $0) })
                }
            }
        } else {
            w.int(0)
        }
        w.int(Int64(s.absencesVersion))
        if let key = s.chronicKey, let base = s.chronic {
            w.int(1)
            w.int(Int64(key.absencesVersion)); w.int(key.studentsToken); w.string(key.day); w.int(Int64(key.minDays))
            w.array(base.pastBySlot)
            let classes = Array(base.atThreshold.keys)
            w.array(classes.map(\.school)); w.array(classes.map(\.classID))
            w.array(classes.map { Int64(base.atThreshold[$0] ?? 0) })
        } else {
            w.int(0)
        }
        return true
    }

    /// Reads what `encode` wrote, without installing it.
    static func decode(from r: inout BinaryReader) throws -> State {
        var s = State()
        guard let key = SummaryKey(encoded: try r.string()) else { throw BinaryReader.Malformed() }
        s.key = key
        for day in try r.strings() { s.dayMarks[day] = .some(try r.optionalString()) }
        s.recentlySeen = Set(try r.strings().map { text in
            let parts = text.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let student = Int64(parts[1]) else { throw BinaryReader.Malformed() }
            return RecentRow(day: String(parts[0]), student: student, at: String(parts[2]))
        })
        for day in try r.strings() {
            let schools = try r.array(Int64.self), attending = try r.array(Int64.self), reported = try r.array(Int64.self)
            guard attending.count == schools.count, reported.count == schools.count else { throw BinaryReader.Malformed() }
            var counts: [Int64: DayCounts] = [:]
            counts.reserveCapacity(schools.count)
            for i in schools.indices { counts[schools[i]] = DayCounts(attending: Int(attending[i]), reported: Int(reported[i])) }
            s.pastTrend[day] = counts
        }
        switch try r.int() {
        case 0: break
        case 1:
            s.absencesYearStart = try r.string()
            s.absencesBefore = try r.string()
            let schoolCount = try r.count(perElement: 24)
            var columns: [(school: Int64, students: [Int64], counts: [Int32])] = []
            columns.reserveCapacity(schoolCount)
            for _ in 0..<schoolCount {
                let school = try r.int()
                let students = try r.array(Int64.self), counts = try r.array(Int32.self)
                guard counts.count == students.count else { throw BinaryReader.Malformed() }
                columns.append((school, students, counts))
            }
            s.absenceColumns = columns
        default:
            throw BinaryReader.Malformed()
        }
        s.absencesVersion = Int(try r.int())
        switch try r.int() {
        case 0: break
        case 1:
            let version = Int(try r.int()), token = try r.int(), day = try r.string(), minDays = Int(try r.int())
            let pastBySlot = try r.array(UInt16.self)
            let schools = try r.array(Int64.self), classes = try r.array(Int64.self), counts = try r.array(Int64.self)
            guard classes.count == schools.count, counts.count == schools.count else { throw BinaryReader.Malformed() }
            var atThreshold: [FigureQueries.ClassKey: Int] = [:]
            for i in schools.indices {
                atThreshold[FigureQueries.ClassKey(school: schools[i], classID: classes[i]), default: 0] += Int(counts[i])
            }
            s.chronicKey = ChronicKey(absencesVersion: version, studentsToken: token, day: day, minDays: minDays)
            s.chronic = ChronicBase(atThreshold: atThreshold, pastBySlot: pastBySlot, minDays: minDays)
        default:
            throw BinaryReader.Malformed()
        }
        return s
    }

    /// Installs what a warm-start file held; the next report checks it against the snapshot like any refresh.
    func install(_ restored: State) {
        state.withLock { s in
            var fresh = restored
            fresh.resets = s.resets
            s = fresh
        }
    }
}
