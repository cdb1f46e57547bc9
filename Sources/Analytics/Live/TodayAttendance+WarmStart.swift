import Foundation
import SectorData

/// Today's part of the warm-start file (`SummaryStore`).
extension TodayAttendance {
    /// Writes the day's rows and counts for the warm-start file.
    func encode(into w: inout BinaryWriter) {
        let s = state.withLock { $0 }
        w.optionalString(s.key?.encoded); w.optionalString(s.day); w.optionalString(s.mark)
        w.optionalString(s.studentsToken.map(String.init)); w.optionalString(s.dayStart.map(String.init))
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
        s.key = try r.optionalString().map { text in
            guard let key = SummaryKey(encoded: text) else { throw BinaryReader.Malformed() }
            return key
        }
        s.day = try r.optionalString(); s.mark = try r.optionalString()
        s.studentsToken = try r.optionalString().flatMap { Int64($0) }
        s.dayStart = try r.optionalString().flatMap { Int64($0) }
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
}
