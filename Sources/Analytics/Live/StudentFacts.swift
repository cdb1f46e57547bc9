import Foundation
import GRDB

/// Every student row in compact columns, read in one pass and kept while the `students` change token stands.
///
/// Enrollment per class, enrolled students per trend day and the class a chronically absent student belongs to
/// are then computed in memory instead of by SQL over ~500,000 rows each refresh. Dates are kept as order-
/// preserving integers (`YYYYMMDD`) and each student's (school, class) as a position in `classKeys`; a snapshot with
/// a date that is not `YYYY-MM-DD` is not held (`load` returns nil) and reports fall back to SQL.
struct StudentFacts: Sendable {
    /// Student ids, ascending; every other column is aligned with it (a student's *slot*).
    let ids: [Int64]
    let enrolledOn: [Int32]
    /// `Int32.max` when the student has not left.
    let leftOn: [Int32]
    /// 1 = F, 2 = M, 0 = anything else.
    let gender: [UInt8]
    /// Index into `reasons` (0 = no reason given).
    let reason: [UInt8]
    /// Leave reasons as stored, by code (`reasons[0]` is nil).
    let reasons: [String?]
    /// The distinct (school, class) pairs, and each student's index into them: per-class work runs over arrays.
    let classKeys: [FigureQueries.ClassKey]
    let classIndex: [Int32]
    /// A hash of every column (FNV-1a): tells two student tables apart when the snapshot has no change tokens.
    let fingerprint: Int64
    /// Slot of an id: a direct table when ids are dense, else a dictionary.
    private let denseBase: Int64
    private let dense: [Int32]
    private let sparse: [Int64: Int32]

    /// Reads every student (one scan); nil when a value does not fit the compact form.
    static func load(_ db: Database) throws -> StudentFacts? {
        var ids: [Int64] = [], classIndex: [Int32] = []
        var enrolled: [Int32] = [], left: [Int32] = [], gender: [UInt8] = [], reason: [UInt8] = []
        var reasons: [String?] = [nil]
        var reasonCode: [String: UInt8] = [:]
        var classKeys: [FigureQueries.ClassKey] = []
        var positionOf: [FigureQueries.ClassKey: Int32] = [:]
        let expected = try LiveQueries.studentCount(db)
        let reserve = min(max(expected, 0), 4_000_000)
        ids.reserveCapacity(reserve); classIndex.reserveCapacity(reserve)
        enrolled.reserveCapacity(reserve); left.reserveCapacity(reserve)
        gender.reserveCapacity(reserve); reason.reserveCapacity(reserve)
        let rows = try LiveQueries.students(db)
        var previous: (key: FigureQueries.ClassKey, position: Int32)?
        while let row = try rows.next() {
            // A student whose id, school or class is NULL or not an integer counts nowhere (as in the SQL path).
            guard let id = row.checkedInt64(0), let school = row.checkedInt64(1), let classID = row.checkedInt64(2) else { continue }
            guard let on = row.checkedText(4).flatMap(Self.dayNumber) else { return nil }
            let leftText = row.checkedText(5)
            var leftNumber = Int32.max
            if let leftText {
                guard let parsed = Self.dayNumber(leftText) else { return nil }
                leftNumber = parsed
            }
            var code: UInt8 = 0
            if let text = row.checkedText(6) {
                if let known = reasonCode[text] {
                    code = known
                } else {
                    guard reasons.count < 255 else { return nil }
                    code = UInt8(reasons.count)
                    reasons.append(text)
                    reasonCode[text] = code
                }
            }
            let key = FigureQueries.ClassKey(school: school, classID: classID)
            let position: Int32
            if let previous, previous.key == key {
                position = previous.position  // consecutive students usually share a class
            } else if let known = positionOf[key] {
                position = known
            } else {
                position = Int32(classKeys.count)
                classKeys.append(key)
                positionOf[key] = position
            }
            previous = (key, position)
            let g = row.checkedText(3)
            ids.append(id); classIndex.append(position)
            enrolled.append(on); left.append(leftNumber)
            gender.append(g == "F" ? 1 : g == "M" ? 2 : 0); reason.append(code)
        }
        return StudentFacts(ids: ids, classKeys: classKeys, classIndex: classIndex, enrolledOn: enrolled, leftOn: left,
                            gender: gender, reason: reason, reasons: reasons)
    }

    /// Columns aligned with `ids`; nil when they do not agree (a damaged warm-start file).
    init?(ids: [Int64], classKeys: [FigureQueries.ClassKey], classIndex: [Int32], enrolledOn: [Int32], leftOn: [Int32],
          gender: [UInt8], reason: [UInt8], reasons: [String?]) {
        guard [classIndex.count, enrolledOn.count, leftOn.count, gender.count, reason.count].allSatisfy({ $0 == ids.count }),
              classIndex.allSatisfy({ $0 >= 0 && Int($0) < classKeys.count }),
              reason.allSatisfy({ Int($0) < reasons.count }),
              zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.ids = ids; self.classKeys = classKeys; self.classIndex = classIndex
        self.enrolledOn = enrolledOn; self.leftOn = leftOn; self.gender = gender
        self.reason = reason; self.reasons = reasons
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) { hash = (hash ^ value) &* 0x100_0000_01b3 }
        for slot in ids.indices {
            let key = classKeys[Int(classIndex[slot])]
            mix(UInt64(bitPattern: ids[slot])); mix(UInt64(bitPattern: key.school)); mix(UInt64(bitPattern: key.classID))
            mix(UInt64(UInt32(bitPattern: enrolledOn[slot])) << 32 | UInt64(UInt32(bitPattern: leftOn[slot])))
            mix(UInt64(gender[slot]) << 8 | UInt64(reason[slot]))
        }
        for text in reasons {
            for byte in text?.utf8 ?? "".utf8 { mix(UInt64(byte)) }
            mix(text == nil ? 0x1_0000 : 0x1_0001)
        }
        fingerprint = Int64(bitPattern: hash)
        let base = ids.first ?? 0
        let span = (ids.last ?? base) - base + 1
        if !ids.isEmpty, span <= 4 * Int64(ids.count) + 1024 {
            var table = [Int32](repeating: -1, count: Int(span))
            for (slot, id) in ids.enumerated() { table[Int(id - base)] = Int32(slot) }
            denseBase = base; dense = table; sparse = [:]
        } else {
            var map: [Int64: Int32] = [:]
            map.reserveCapacity(ids.count)
            for (slot, id) in ids.enumerated() { map[id] = Int32(slot) }
            denseBase = 0; dense = []; sparse = map
        }
    }

    /// The (school, class) of the student in `slot`.
    func classKey(_ slot: Int) -> FigureQueries.ClassKey { classKeys[Int(classIndex[slot])] }

    /// Number of students held.
    var count: Int { ids.count }

    /// The slot of a student id, or nil when there is no such student.
    func slot(of id: Int64) -> Int? {
        if dense.isEmpty { return sparse[id].map(Int.init) }
        let offset = id - denseBase
        guard offset >= 0, offset < Int64(dense.count) else { return nil }
        let slot = dense[Int(offset)]
        return slot >= 0 ? Int(slot) : nil
    }

    /// Whether the student in `slot` is enrolled on the day `day` (a `dayNumber`).
    func isEnrolled(_ slot: Int, on day: Int32) -> Bool {
        IndicatorRules.isEnrolled(enrolledOn: enrolledOn[slot], leftOn: leftOn[slot], on: day)
    }

    /// `YYYY-MM-DD` as `YYYYMMDD` (ordered like the text); nil for anything else.
    static func dayNumber(_ text: String?) -> Int32? {
        guard let text else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var value: Int32 = 0
        for index in [0, 1, 2, 3, 5, 6, 8, 9] {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit <= 9 else { return nil }
            value = value * 10 + Int32(digit)
        }
        return value
    }

    // MARK: Derived figures

    /// Enrollment per class on `day`, in columns aligned with `classKeys`.
    struct ClassEnrollment: Sendable {
        let keys: [FigureQueries.ClassKey]
        let enrolled: [Int32], female: [Int32], male: [Int32], joined: [Int32]
        /// Leavers since the year start by class position and reason label (few).
        let leavers: [Int: [String: Int]]

        /// The enrollment tally of the class at `position` (attendance fields zero).
        func tally(at position: Int) -> Tally {
            var t = Tally()
            t.enrolled = Int(enrolled[position]); t.female = Int(female[position]); t.male = Int(male[position])
            t.joined = Int(joined[position])
            if let left = leavers[position] { t.leftByReason = left }
            return t
        }
    }

    /// Enrollment per class on `day`: enrolled (by gender), joined since `yearStart`, and leavers since then by
    /// reason (`transfer`, `dropout`, `graduated`, else `other`). Same definitions as the SQL path.
    func enrollmentByClass(day: Int32, yearStart: Int32) -> ClassEnrollment {
        let classes = classKeys.count
        var enrolled = [Int32](repeating: 0, count: classes), female = enrolled, male = enrolled, joined = enrolled
        var leaverCodes: [Int: [Int: Int]] = [:]  // class position → reason code → count (few)
        for slot in 0..<ids.count {
            let c = Int(classIndex[slot])
            let on = enrolledOn[slot], off = leftOn[slot]
            if IndicatorRules.isEnrolled(enrolledOn: on, leftOn: off, on: day) {
                enrolled[c] += 1
                if gender[slot] == 1 { female[c] += 1 } else if gender[slot] == 2 { male[c] += 1 }
            }
            if on >= yearStart && on <= day { joined[c] += 1 }
            if off != Int32.max && off >= yearStart && off <= day { leaverCodes[c, default: [:]][Int(reason[slot]), default: 0] += 1 }
        }
        let known: Set<String> = ["transfer", "dropout", "graduated"]
        let labels = reasons.map { $0.flatMap { known.contains($0) ? $0 : nil } ?? "other" }
        var leavers: [Int: [String: Int]] = [:]
        for (c, codes) in leaverCodes {
            for (code, n) in codes { leavers[c, default: [:]][labels[code], default: 0] += n }
        }
        return ClassEnrollment(keys: classKeys, enrolled: enrolled, female: female, male: male, joined: joined,
                               leavers: leavers)
    }

    /// Enrolled students per school on each day (`YYYY-MM-DD` texts): per class, how many enrolled and left on
    /// or before each day (one binary search per date), then differences summed per school.
    func enrolledBySchool(onDays days: [String]) -> [String: [Int64: Int]] {
        let numbers = days.compactMap { d in Self.dayNumber(d).map { (text: d, number: $0) } }.sorted { $0.number < $1.number }
        let width = numbers.count + 1
        let sortedDays = numbers.map(\.number)
        /// Index of the first day ≥ date (days before it are not reached by the event).
        func bucket(_ date: Int32) -> Int {
            var low = 0, high = sortedDays.count
            while low < high {
                let mid = (low + high) / 2
                if sortedDays[mid] < date { low = mid + 1 } else { high = mid }
            }
            return low
        }
        // joins[c * width + b]: students of class c who enrolled in bucket b (counted from day b on); leaves alike
        // for left_on (a student who left on day d is not enrolled on d).
        var joins = [Int32](repeating: 0, count: classKeys.count * width)
        var leaves = joins
        for slot in 0..<ids.count {
            let base = Int(classIndex[slot]) * width
            let joined = bucket(enrolledOn[slot])
            joins[base + joined] += 1
            // Enrolled on day i when joined ≤ i < left (a leave dated before the enrolment never counts).
            if leftOn[slot] != Int32.max { leaves[base + max(joined, bucket(leftOn[slot]))] += 1 }
        }
        var perDay = [[Int64: Int]](repeating: [:], count: numbers.count)
        for (c, key) in classKeys.enumerated() {
            var n = 0
            for dayIndex in 0..<numbers.count {
                n += Int(joins[c * width + dayIndex]) - Int(leaves[c * width + dayIndex])
                perDay[dayIndex][key.school, default: 0] += n
            }
        }
        var result: [String: [Int64: Int]] = [:]
        for (dayIndex, day) in numbers.enumerated() { result[day.text] = perDay[dayIndex] }
        return result
    }
}
