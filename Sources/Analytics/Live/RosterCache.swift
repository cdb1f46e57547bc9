import Foundation
import GRDB
import SectorData
import Synchronization

/// Figures that depend only on slowly changing tables — students, classes, teachers, intake plans — kept while
/// their change tokens stand (see SectorData's `ChangeTokens`), so a refresh after new attendance or probes does
/// not read those tables again.
///
/// Everything is province-wide, keyed by school (and class); reports filter it to their node. Used only when the
/// snapshot carries change tokens; without them reports read the tables with SQL every time.
final class RosterCache: Sendable {
    /// Per-school and per-class figures for one report day.
    struct DayFigures: Sendable {
        /// Enrollment per class, in columns (a `Tally` per class only when a report needs that class).
        let classes: StudentFacts.ClassEnrollment
        /// Grade of each class id.
        let grades: [Int64: Int]
        let teachers: [Int64: Int]
        let classCounts: [Int64: Int]
        let intake: [Int64: [Int: Int]]
        /// The classes' enrollment summed per school.
        let schoolEnrollment: [Int64: Tally]
        /// Enrolled per class, by key (for today's per-school unreported counts).
        let enrolledByClass: [FigureQueries.ClassKey: Int]

        /// The enrollment tally of the class at `position`, with its grade.
        func tally(at position: Int) -> Tally {
            var t = classes.tally(at: position)
            if t.enrolled > 0, let grade = grades[classes.keys[position].classID] { t.byGrade = [grade: t.enrolled] }
            return t
        }
    }

    struct State: Sendable {
        var studentsToken: Int64?
        var students: StudentFacts?
        /// Tokens (students, classes, teachers, intake plans), day and year start the figures were made for.
        var figuresKey: [String]?
        var figures: DayFigures?
        var enrolledKey: [String]?
        var enrolledByDay: [String: [Int64: Int]] = [:]
        var treeKey: TreeKey?
        var tree: ProvinceTree?
        /// Per unit shown (the province and the communes drilled into), the last few.
        var branchStatics: [BranchKey: BranchStatics] = [:]
        /// Every school's static tally parts, for the roster state of `schoolStaticsKey`.
        var schoolStaticsKey: BranchKey?
        var schoolStatics = SchoolStatics(tallies: [:])
        var devicesToken: Int64?
        var deviceCounts: [Int64: Tally] = [:]
        var studentLoads = 0
    }

    /// What a unit's per-branch static sums were made for.
    struct BranchKey: Hashable, Sendable {
        let figures: [String]
        let devices: Int64
        let tree: TreeKey
        let unit: Int64
    }

    /// A unit's schools summed per child unit, and in all, without their per-refresh counts; with the figures
    /// made from those sums alone (enrollment; devices but the cameras and gates seen).
    struct BranchStatics: Sendable {
        let byBranch: [Int64: Tally]
        let total: Tally
        let enrollmentByBranch: [Int64: EnrollmentFigures]
        let devicesByBranch: [Int64: DeviceFigures]
        let totalEnrollment: EnrollmentFigures
        let totalDevices: DeviceFigures

        init(byBranch: [Int64: Tally], total: Tally) {
            self.byBranch = byBranch
            self.total = total
            enrollmentByBranch = byBranch.mapValues { $0.enrollment() }
            devicesByBranch = byBranch.mapValues { $0.deviceFigures() }
            totalEnrollment = total.enrollment()
            totalDevices = total.deviceFigures()
        }

        /// Held device figures with the cameras and gates seen from `dynamic`.
        static func devices(_ held: DeviceFigures, seenIn dynamic: Tally) -> DeviceFigures {
            var figures = held
            figures.camerasOnline = dynamic.camerasOnline
            figures.gatesOnline = dynamic.gatesOnline
            return figures
        }
    }

    /// The held static sums for `key`, or `make()`'s (then held); nil key (no tokens): `make()` each time.
    func branchStatics(_ key: BranchKey?, make: () -> BranchStatics) -> BranchStatics {
        if let key, let held = state.withLock({ s in s.branchStatics[key] }) { return held }
        let made = make()
        if let key {
            state.withLock { s in
                // Entries of an older roster state are never asked for again: keep only this state's units.
                s.branchStatics = s.branchStatics.filter { $0.key.figures == key.figures && $0.key.devices == key.devices
                    && $0.key.tree == key.tree }
                if s.branchStatics.count >= 32 { s.branchStatics.removeAll() }
                s.branchStatics[key] = made
            }
        }
        return made
    }

    /// Every school's static tally part, and its enrolled count alone (read without copying the tally).
    struct SchoolStatics: Sendable {
        let tallies: [Int64: Tally]
        let enrolled: [Int64: Int]

        init(tallies: [Int64: Tally]) {
            self.tallies = tallies
            enrolled = tallies.mapValues(\.enrolled)
        }
    }

    /// The held static tally parts of every school for `key` (a `branchKey`), or `make()`'s (then held).
    func schoolStatics(_ key: BranchKey, make: () -> SchoolStatics) -> SchoolStatics {
        if let held = state.withLock({ s in s.schoolStaticsKey == key ? s.schoolStatics : nil }) { return held }
        let made = make()
        state.withLock { s in
            s.schoolStaticsKey = key
            s.schoolStatics = made
        }
        return made
    }

    /// What a day's roster figures depend on: the tokens of the tables they read, the day and the year start.
    static func figuresKey(tokens: ChangeTokens, day: ReportDay) -> [String] {
        ["students", "classes", "teachers", "intake_plans"].map { "\(tokens[$0] ?? 0)" } + [day.day, day.yearStart ?? ""]
    }

    /// The key of what the static sums depend on, when the snapshot has change tokens.
    func branchKey(tokens: ChangeTokens?, day: ReportDay, provinceCode: String?, scope: Scope?, unit: Int64) -> BranchKey? {
        guard let tokens, let devices = tokens["devices"], let units = tokens["admin_units"],
              let schools = tokens["schools"] else { return nil }
        return BranchKey(figures: Self.figuresKey(tokens: tokens, day: day), devices: devices,
                         tree: TreeKey(adminUnits: units, schools: schools, provinceCode: provinceCode, scope: scope),
                         unit: unit)
    }

    /// What a held tree was loaded for.
    struct TreeKey: Hashable, Sendable {
        let adminUnits: Int64
        let schools: Int64
        let provinceCode: String?
        let scope: Scope?
    }

    private let state = Mutex(State())

    /// The scoped admin tree and schools, loaded again only when the admin units' or schools' token moved;
    /// nil without tokens (the caller loads it).
    func tree(_ db: Database, tokens: ChangeTokens?, provinceCode: String?, scope: Scope?) throws -> ProvinceTree? {
        guard let tokens, let units = tokens["admin_units"], let schools = tokens["schools"] else { return nil }
        let key = TreeKey(adminUnits: units, schools: schools, provinceCode: provinceCode, scope: scope)
        if let held = state.withLock({ s in s.treeKey == key ? s.tree : nil }) { return held }
        let tree = try ProvinceTree.load(db, provinceCode: provinceCode, scope: scope)
        state.withLock { s in
            s.treeKey = key
            s.tree = tree
        }
        return tree
    }

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
            w.strings(key)
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
            s.enrolledKey = try r.strings()
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

    /// Drops everything.
    func invalidate() {
        state.withLock { s in s = State(studentLoads: s.studentLoads) }
    }

    /// Times the students table was read in full (tests and the benchmark).
    var studentLoads: Int { state.withLock { $0.studentLoads } }

    /// The students of this token, reading them when the token changed (every time without tokens); nil when
    /// they do not fit the compact form.
    func students(_ db: Database, tokens: ChangeTokens?) throws -> StudentFacts? {
        guard let token = tokens?["students"] else { return try StudentFacts.load(db) }
        if let held = state.withLock({ s in s.studentsToken == token ? s.students : nil }) { return held }
        let facts = try StudentFacts.load(db)
        state.withLock { s in
            s.studentsToken = token
            s.students = facts
            s.studentLoads += 1
            s.figures = nil; s.figuresKey = nil
            s.enrolledKey = nil; s.enrolledByDay = [:]
        }
        return facts
    }

    /// The report day's province-wide enrollment, teachers, classes and intake plans.
    /// Without tokens they are computed from the tables every time.
    func dayFigures(_ db: Database, tokens: ChangeTokens?, day: ReportDay, students: StudentFacts) throws -> DayFigures? {
        let key = tokens.map { Self.figuresKey(tokens: $0, day: day) }
        if let key, let held = state.withLock({ s in s.figuresKey == key ? s.figures : nil }) { return held }
        guard let dayNumber = StudentFacts.dayNumber(day.day) else { return nil }
        let start = StudentFacts.dayNumber(day.yearStart) ?? dayNumber
        let queries = FigureQueries(db: db, filter: .all, day: day, config: AnalyticsConfig())
        let classes = students.enrollmentByClass(day: dayNumber, yearStart: start)
        let grades = try queries.gradeByClass()
        // Per school: plain counters first, one Tally per school at the end.
        var position: [Int64: Int] = [:]
        var schools: [Int64] = []
        var enrolled: [Int] = [], female: [Int] = [], male: [Int] = [], joined: [Int] = []
        var byGrade: [[Int: Int]] = [], leavers: [[String: Int]] = []
        for (c, key) in classes.keys.enumerated() {
            let i: Int
            if let known = position[key.school] {
                i = known
            } else {
                i = schools.count
                position[key.school] = i
                schools.append(key.school)
                enrolled.append(0); female.append(0); male.append(0); joined.append(0)
                byGrade.append([:]); leavers.append([:])
            }
            let n = Int(classes.enrolled[c])
            enrolled[i] += n; female[i] += Int(classes.female[c]); male[i] += Int(classes.male[c])
            joined[i] += Int(classes.joined[c])
            if n > 0, let grade = grades[key.classID] { byGrade[i][grade, default: 0] += n }
            if let left = classes.leavers[c] { leavers[i].merge(left, uniquingKeysWith: +) }
        }
        var schoolEnrollment: [Int64: Tally] = [:]
        schoolEnrollment.reserveCapacity(schools.count)
        for (i, school) in schools.enumerated() {
            var t = Tally()
            t.enrolled = enrolled[i]; t.female = female[i]; t.male = male[i]; t.joined = joined[i]
            t.byGrade = byGrade[i]; t.leftByReason = leavers[i]
            schoolEnrollment[school] = t
        }
        var enrolledByClass: [FigureQueries.ClassKey: Int] = [:]
        enrolledByClass.reserveCapacity(classes.keys.count)
        for (c, key) in classes.keys.enumerated() { enrolledByClass[key, default: 0] += Int(classes.enrolled[c]) }
        let figures = DayFigures(classes: classes, grades: grades, teachers: try queries.teachersBySchool(),
                                 classCounts: try queries.classCountBySchool(), intake: try queries.intakeBySchool(),
                                 schoolEnrollment: schoolEnrollment, enrolledByClass: enrolledByClass)
        if let key {
            state.withLock { s in
                s.figuresKey = key
                s.figures = figures
            }
        }
        return figures
    }

    /// Device counts per school by kind and status (without the heartbeat-based "seen" counts), kept while the
    /// `devices` token stands; nil without tokens.
    func deviceCounts(_ db: Database, tokens: ChangeTokens?, day: ReportDay) throws -> [Int64: Tally]? {
        guard let token = tokens?["devices"] else { return nil }
        if let held = state.withLock({ s in s.devicesToken == token ? s.deviceCounts : nil }) { return held }
        let counts = try FigureQueries(db: db, filter: .all, day: day, config: AnalyticsConfig()).deviceCountsBySchool()
        state.withLock { s in
            s.devicesToken = token
            s.deviceCounts = counts
        }
        return counts
    }

    /// Enrolled students per school on each of `days` (the trend's denominators).
    func enrolledBySchool(tokens: ChangeTokens?, days: [String], students: StudentFacts) -> [String: [Int64: Int]] {
        let key = tokens.map { ["\($0["students"] ?? 0)"] + days }
        if let key, let held = state.withLock({ s in s.enrolledKey == key ? s.enrolledByDay : nil }) { return held }
        let counts = students.enrolledBySchool(onDays: days)
        if let key {
            state.withLock { s in
                s.enrolledKey = key
                s.enrolledByDay = counts
            }
        }
        return counts
    }
}
