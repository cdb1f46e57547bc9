import Foundation
import GRDB

/// Every student row in compact columns, read in one pass and kept while the `students` change token stands.
///
/// Enrollment per class, enrolled students per trend day and the class a chronically absent student belongs to
/// are then computed in memory instead of by SQL over ~500,000 rows each refresh. Dates are kept as order-
/// preserving integers (`YYYYMMDD`); a snapshot with a date that is not `YYYY-MM-DD`, or ids beyond 32 bits for
/// schools and classes, is not held (`load` returns nil) and reports fall back to SQL.
struct StudentFacts: Sendable {
    /// Student ids, ascending; every other column is aligned with it (a student's *slot*).
    let ids: [Int64]
    let school: [Int32]
    let classID: [Int32]
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
    /// Slot of an id: a direct table when ids are dense, else a dictionary.
    private let denseBase: Int64
    private let dense: [Int32]
    private let sparse: [Int64: Int32]

    /// Reads every student (one scan); nil when a value does not fit the compact form.
    static func load(_ db: Database) throws -> StudentFacts? {
        var ids: [Int64] = [], school: [Int32] = [], classID: [Int32] = []
        var enrolled: [Int32] = [], left: [Int32] = [], gender: [UInt8] = [], reason: [UInt8] = []
        var reasons: [String?] = [nil]
        var reasonCode: [String: UInt8] = [:]
        let expected = try Int.fetchOne(db, sql: "SELECT max(id) - min(id) + 1 FROM students") ?? 0
        let reserve = min(max(expected, 0), 4_000_000)
        ids.reserveCapacity(reserve); school.reserveCapacity(reserve); classID.reserveCapacity(reserve)
        enrolled.reserveCapacity(reserve); left.reserveCapacity(reserve)
        gender.reserveCapacity(reserve); reason.reserveCapacity(reserve)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, school_id, class_id, gender, enrolled_on, left_on, leave_reason FROM students ORDER BY id
            """)
        while let row = try rows.next() {
            let s: Int64 = row[1], c: Int64 = row[2]
            guard let s32 = Int32(exactly: s), let c32 = Int32(exactly: c),
                  let on = Self.dayNumber(row[4]) else { return nil }
            let leftText: String? = row[5]
            var leftNumber = Int32.max
            if let leftText {
                guard let parsed = Self.dayNumber(leftText) else { return nil }
                leftNumber = parsed
            }
            var code: UInt8 = 0
            if let text: String = row[6] {
                if let known = reasonCode[text] {
                    code = known
                } else {
                    guard reasons.count < 255 else { return nil }
                    code = UInt8(reasons.count)
                    reasons.append(text)
                    reasonCode[text] = code
                }
            }
            let g: String = row[3]
            ids.append(row[0]); school.append(s32); classID.append(c32)
            enrolled.append(on); left.append(leftNumber)
            gender.append(g == "F" ? 1 : g == "M" ? 2 : 0); reason.append(code)
        }
        return StudentFacts(ids: ids, school: school, classID: classID, enrolledOn: enrolled, leftOn: left,
                            gender: gender, reason: reason, reasons: reasons)
    }

    /// `classKeys` and `classIndex` are derived when not given (the warm-start file keeps them).
    init(ids: [Int64], school: [Int32], classID: [Int32], enrolledOn: [Int32], leftOn: [Int32], gender: [UInt8],
         reason: [UInt8], reasons: [String?], classKeys: [FigureQueries.ClassKey]? = nil, classIndex: [Int32]? = nil) {
        self.ids = ids; self.school = school; self.classID = classID
        self.enrolledOn = enrolledOn; self.leftOn = leftOn; self.gender = gender
        self.reason = reason; self.reasons = reasons
        if let classKeys, let classIndex, classIndex.count == ids.count,
           classIndex.allSatisfy({ $0 >= 0 && Int($0) < classKeys.count }) {
            self.classKeys = classKeys
            self.classIndex = classIndex
        } else {
            var keys: [FigureQueries.ClassKey] = []
            var indexOf: [FigureQueries.ClassKey: Int32] = [:]
            var index = [Int32](repeating: 0, count: ids.count)
            for slot in 0..<ids.count {
                let key = FigureQueries.ClassKey(school: Int64(school[slot]), classID: Int64(classID[slot]))
                if let known = indexOf[key] {
                    index[slot] = known
                } else {
                    let next = Int32(keys.count)
                    keys.append(key)
                    indexOf[key] = next
                    index[slot] = next
                }
            }
            self.classKeys = keys
            self.classIndex = index
        }
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
        enrolledOn[slot] <= day && leftOn[slot] > day
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

    /// Enrollment per class on `day`: enrolled (by gender), joined since `yearStart`, and leavers since then by
    /// reason (`transfer`, `dropout`, `graduated`, else `other`). Same definitions as the SQL path.
    func enrollmentByClass(day: Int32, yearStart: Int32) -> [FigureQueries.ClassKey: Tally] {
        let classes = classKeys.count
        var enrolled = [Int](repeating: 0, count: classes), female = enrolled, male = enrolled, joined = enrolled
        var leavers: [Int: [Int: Int]] = [:]  // class index → reason code → count (few)
        for slot in 0..<ids.count {
            let c = Int(classIndex[slot])
            let on = enrolledOn[slot], off = leftOn[slot]
            if on <= day && off > day {
                enrolled[c] += 1
                if gender[slot] == 1 { female[c] += 1 } else if gender[slot] == 2 { male[c] += 1 }
            }
            if on >= yearStart && on <= day { joined[c] += 1 }
            if off != Int32.max && off >= yearStart && off <= day { leavers[c, default: [:]][Int(reason[slot]), default: 0] += 1 }
        }
        let known: Set<String> = ["transfer", "dropout", "graduated"]
        let labels = reasons.map { $0.flatMap { known.contains($0) ? $0 : nil } ?? "other" }
        var result: [FigureQueries.ClassKey: Tally] = [:]
        result.reserveCapacity(classes)
        for c in 0..<classes {
            var t = Tally()
            t.enrolled = enrolled[c]; t.female = female[c]; t.male = male[c]; t.joined = joined[c]
            for (code, n) in leavers[c] ?? [:] { t.leftByReason[labels[code], default: 0] += n }
            result[classKeys[c]] = t
        }
        return result
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
