import Foundation
import SectorData

/// The roster's part of the warm-start file (`SummaryStore`).
extension RosterCache {
    /// Writes the held students, device counts and trend denominators for the warm-start file (each with the
    /// token it was made for; the day figures are recomputed).
    func encode(into w: inout BinaryWriter) {
        let s = state.withLock { $0 }
        if let token = s.devicesToken {
            w.int(1)
            w.int(token)
            var schools: [Int64] = [], counts: [Int64] = [], kinds: [String] = [], statuses: [String] = []
            for (school, t) in s.deviceCounts {
                for (device, n) in t.devices {
                    schools.append(school); counts.append(Int64(n)); kinds.append(device.kind); statuses.append(device.status)
                }
            }
            w.array(schools); w.array(counts); w.strings(kinds); w.strings(statuses)
        } else {
            w.int(0)
        }
        if let key = s.enrolledKey {
            w.int(1)
            w.strings(key.encoded)
            let days = s.enrolledByDay.keys.sorted()
            w.strings(days)
            for day in days {
                let counts = s.enrolledByDay[day] ?? [:]
                w.array(Array(counts.keys)); w.array(counts.values.map { Int64($0) })
            }
        } else {
            w.int(0)
        }
        guard let token = s.studentsToken, let students = s.students else {
            w.int(0)
            return
        }
        w.int(1)
        w.int(token)
        w.array(students.ids)
        w.array(students.classKeys.map(\.school)); w.array(students.classKeys.map(\.classID)); w.array(students.classIndex)
        w.array(students.enrolledOn); w.array(students.leftOn); w.array(students.gender); w.array(students.reason)
        w.strings(students.reasons.dropFirst().map { $0 ?? "" })
    }

    /// Reads what `encode` wrote.
    static func decode(from r: inout BinaryReader) throws -> State {
        var s = State()
        switch try r.int() {
        case 0: break
        case 1:
            s.devicesToken = try r.int()
            let schools = try r.array(Int64.self), counts = try r.array(Int64.self)
            let kinds = try r.strings(), statuses = try r.strings()
            guard [counts.count, kinds.count, statuses.count].allSatisfy({ $0 == schools.count }) else {
                throw BinaryReader.Malformed()
            }
            for i in schools.indices {
                FigureQueries.addDevices(Int(counts[i]), of: DeviceKind(kind: kinds[i], status: statuses[i]),
                                         to: &s.deviceCounts[schools[i], default: Tally()])
            }
        default: throw BinaryReader.Malformed()
        }
        switch try r.int() {
        case 0: break
        case 1:
            guard let key = EnrolledKey(encoded: try r.strings()) else { throw BinaryReader.Malformed() }
            s.enrolledKey = key
            for day in try r.strings() {
                let schools = try r.array(Int64.self), counts = try r.array(Int64.self)
                guard counts.count == schools.count else { throw BinaryReader.Malformed() }
                s.enrolledByDay[day] = Dictionary(zip(schools, counts.map { Int($0) }), uniquingKeysWith: +)
            }
        default: throw BinaryReader.Malformed()
        }
        switch try r.int() {
        case 0: return s
        case 1: break
        default: throw BinaryReader.Malformed()
        }
        s.studentsToken = try r.int()
        let ids = try r.array(Int64.self)
        let keySchools = try r.array(Int64.self), keyClasses = try r.array(Int64.self), classIndex = try r.array(Int32.self)
        let enrolled = try r.array(Int32.self), left = try r.array(Int32.self)
        let gender = try r.array(UInt8.self), reason = try r.array(UInt8.self)
        let reasons: [String?] = [nil] + (try r.strings()).map { Optional($0) }
        guard keySchools.count == keyClasses.count,
              let students = StudentFacts(ids: ids, classKeys: zip(keySchools, keyClasses).map {
                  FigureQueries.ClassKey(school: $0, classID: $1) }, classIndex: classIndex, enrolledOn: enrolled,
                  leftOn: left, gender: gender, reason: reason, reasons: reasons) else { throw BinaryReader.Malformed() }
        s.students = students
        return s
    }

    /// Installs a decoded state (the load counter is kept).
    func install(_ restored: State) {
        state.withLock { s in
            var fresh = restored
            fresh.studentLoads = s.studentLoads
            s = fresh
        }
    }
}
