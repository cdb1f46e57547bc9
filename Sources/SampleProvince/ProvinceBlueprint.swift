import Foundation

/// The province in memory before it is written: the admin tree, schools with their traits, classes and
/// students. Built deterministically from the options, the name lists and the calendar.
struct ProvinceBlueprint: Sendable {
    /// One admin unit (the province root, or a commune or ward).
    struct Unit: Sendable {
        let id: Int
        let code: String
        let name: String
        let kind: String
        let parentID: Int?
        /// Wards are urban: bigger schools, better links.
        var isUrban: Bool { kind == "ward" }
    }

    /// One school and the traits that drive its rows in every table.
    struct School: Sendable {
        let id: Int
        let code: String
        let name: String
        let unitID: Int
        let level: SchoolLevel
        let isPrivate: Bool
        let isClosed: Bool
        /// Has attendance gates (check-ins recorded by the gate).
        let hasGate: Bool
        /// Reports attendance at all (a few schools never do).
        let reportsAttendance: Bool
        /// Base share of pupils present or late; pupils' absence chances are drawn around it.
        let presentRate: Double
        /// Share of pupils who arrive late.
        let lateRate: Double
        /// Share of absences that are excused.
        let excusedShare: Double
        /// Teachers enter attendance through the app rather than the school system.
        let teachersUseApp: Bool
        let connectivity: ConnectivityProfile
        /// Range of indices into `classes`.
        var classRange: Range<Int>
        /// Teachers on staff (active and on leave).
        var teacherCount: Int
    }

    /// One class.
    struct SchoolClass: Sendable {
        let id: Int
        let schoolIndex: Int
        let name: String
        let grade: Int
    }

    let units: [Unit]
    let schools: [School]
    let classes: [SchoolClass]
    let students: StudentRoster

    /// Preschool age groups, youngest first, as they appear in class names.
    static let preschoolGroups = ["Nhà trẻ", "Mầm", "Chồi", "Lá"]

    /// Builds the province. `nowSeconds` is the injected "now" as Unix seconds.
    init(options: SampleOptions, names: SampleNameLists, calendar: SchoolCalendar, nowSeconds: Int) {
        var random = SeededRandom(seed: options.seed, stream: 1)
        let units = Self.makeUnits(options: options, names: names, random: &random)
        var schools = Self.makeSchools(options: options, names: names, units: units, nowSeconds: nowSeconds, random: &random)
        var classes: [SchoolClass] = []
        var roster = StudentRoster()
        roster.reserve(options.schools * 650)
        let pastDays = calendar.schoolDays.filter { $0 > calendar.openingDay && $0 <= calendar.today }
        for schoolIndex in schools.indices {
            let start = classes.count
            if !schools[schoolIndex].isClosed {
                Self.fillSchool(schoolIndex, school: schools[schoolIndex], urban: units[schools[schoolIndex].unitID - 1].isUrban,
                                calendar: calendar, pastDays: pastDays, classes: &classes, roster: &roster, random: &random)
            }
            schools[schoolIndex].classRange = start..<classes.count
            let staffing = Double(classes.count - start) * schools[schoolIndex].level.teachersPerClass
            schools[schoolIndex].teacherCount = Int((staffing * random.double(in: 0.9...1.1)).rounded())
        }
        self.units = units
        self.schools = schools
        self.classes = classes
        self.students = roster
    }

    // MARK: - Admin units

    private static func makeUnits(options: SampleOptions, names: SampleNameLists, random: inout SeededRandom) -> [Unit] {
        var units = [Unit(id: 1, code: options.provinceCode, name: "Tỉnh \(options.provinceName)", kind: "province", parentID: nil)]
        let wanted = Int((Double(options.schools) * 90 / 850).rounded())
        let count = min(names.communesAndWards.count, max(options.schools >= 2 ? 2 : 1, wanted))
        var pool = names.communesAndWards
        random.shuffle(&pool)
        for (offset, name) in pool.prefix(count).enumerated() {
            let code = String(10_500 + offset * 7 + random.int(in: 0...5))
            let kind = name.hasPrefix("Phường ") ? "ward" : "commune"
            units.append(Unit(id: offset + 2, code: code, name: name, kind: kind, parentID: 1))
        }
        return units
    }

    // MARK: - Schools

    private static func makeSchools(options: SampleOptions, names: SampleNameLists, units: [Unit], nowSeconds: Int,
                                    random: inout SeededRandom) -> [School] {
        let total = options.schools
        var levels = levelMix(total: total)
        random.shuffle(&levels)
        let localUnits = Array(units.dropFirst())
        let unitWeights = localUnits.map { ($0.isUrban ? 1.4 : 1.0) * random.double(in: 0.7...1.3) }
        let active = total - closedCount(total)
        let closedPicks = Set(pickIndices(count: total - active, weights: levels.map { $0 == .continuingEducation ? 0 : 1 }, random: &random))
        let activeIndices = (0..<total).filter { !closedPicks.contains($0) }
        let silentCount = total >= 20 ? max(1, Int((Double(active) * 0.02).rounded())) : 0
        let silent = Set(pickIndices(count: silentCount, among: activeIndices, weights: activeIndices.map { _ in 1.0 }, random: &random))
        let reporting = activeIndices.filter { !silent.contains($0) }
        let gateCount = active >= 5 ? max(1, Int((Double(active) * 0.1).rounded())) : 0
        let gates = Set(pickIndices(count: gateCount, among: reporting, weights: reporting.map { levels[$0].gateWeight }, random: &random))
        let neverProbedCount = total >= 20 ? max(1, Int((Double(active) * 0.02).rounded())) : 0
        let neverProbed = Set(pickIndices(count: neverProbedCount, among: activeIndices, weights: activeIndices.map { _ in 1.0 }, random: &random))
        let probed = activeIndices.filter { !neverProbed.contains($0) }
        let offlineCount = total >= 10 ? max(1, Int((Double(active) * 0.03).rounded())) : 0
        let offline = Set(pickIndices(count: offlineCount, among: probed, weights: probed.map { _ in 1.0 }, random: &random))

        var usedNames = Set<String>()
        var schools: [School] = []
        for index in 0..<total {
            let level = levels[index]
            let unit = index < localUnits.count ? localUnits[index] : localUnits[weightedIndex(unitWeights, random: &random)]
            let isClosed = closedPicks.contains(index)
            let isPrivate = level.privateShare > 0 && random.chance(level.privateShare)
            let name = schoolName(level: level, isPrivate: isPrivate, unit: unit, names: names, used: &usedNames, random: &random)
            let poor = random.chance(0.04)
            let meanDownload = unit.isUrban ? random.double(in: 40...150) : random.double(in: 28...110)
            let connectivity: ConnectivityProfile
            if isClosed || neverProbed.contains(index) {
                connectivity = .neverProbed
            } else if offline.contains(index) {
                connectivity = .offline(sinceUnixSeconds: nowSeconds - random.int(in: 20 * 60...8 * 3_600), meanDownload: meanDownload)
            } else if random.chance(0.12) {
                connectivity = .slow(meanDownload: random.double(in: 4...16))
            } else {
                connectivity = .good(meanDownload: meanDownload)
            }
            schools.append(School(
                id: index + 1,
                code: "\(options.schoolCodePrefix)-\(level.codeTag)-\(fourDigits(index + 1))",
                name: name,
                unitID: unit.id,
                level: level,
                isPrivate: isPrivate,
                isClosed: isClosed,
                hasGate: gates.contains(index),
                reportsAttendance: !isClosed && !silent.contains(index),
                presentRate: poor ? random.double(in: 0.82...0.90) : random.double(in: 0.945...0.988),
                lateRate: random.double(in: 0.01...0.03),
                excusedShare: random.double(in: 0.5...0.8),
                teachersUseApp: random.chance(0.4),
                connectivity: connectivity,
                classRange: 0..<0,
                teacherCount: 0
            ))
        }
        return schools
    }

    /// Level of each school, by largest remainder so the mix is exact for any size.
    static func levelMix(total: Int) -> [SchoolLevel] {
        let quotas = SchoolLevel.allCases.map { Double(total) * $0.share }
        var counts = quotas.map { Int($0) }
        let order = SchoolLevel.allCases.indices.sorted { (quotas[$0] - Double(counts[$0]), -$0) > (quotas[$1] - Double(counts[$1]), -$1) }
        var missing = total - counts.reduce(0, +)
        for index in order where missing > 0 {
            counts[index] += 1
            missing -= 1
        }
        return SchoolLevel.allCases.enumerated().flatMap { Array(repeating: $0.element, count: counts[$0.offset]) }
    }

    /// A few closed schools in provinces of 20 schools or more.
    static func closedCount(_ total: Int) -> Int {
        total >= 20 ? max(1, Int((Double(total) * 0.006).rounded())) : 0
    }

    private static func schoolName(level: SchoolLevel, isPrivate: Bool, unit: Unit, names: SampleNameLists,
                                   used: inout Set<String>, random: inout SeededRandom) -> String {
        let prefix = isPrivate ? "\(level.namePrefix) tư thục" : level.namePrefix
        let unitBase = unit.name.hasPrefix("Phường ") ? String(unit.name.dropFirst(7)) : String(unit.name.dropFirst(3))
        var base = ""
        for _ in 0..<8 {
            let draw = random.unit()
            switch level {
            case .preschool:
                base = isPrivate || draw < 0.45 ? random.pick(names.preschoolNames) : (draw < 0.7 ? unitBase : random.pick(names.localities))
            case .continuingEducation:
                base = draw < 0.6 ? unitBase : random.pick(names.localities)
            case .upperSecondary:
                base = draw < 0.7 ? random.pick(names.famousPeople) : unitBase
            case .primary, .lowerSecondary, .multiLevel:
                base = draw < 0.35 ? random.pick(names.famousPeople) : (draw < 0.6 ? unitBase : random.pick(names.localities))
            }
            if !used.contains("\(prefix) \(base)") { break }
        }
        var name = "\(prefix) \(base)"
        var number = 2
        while used.contains(name) {
            name = "\(prefix) \(base) số \(number)"
            number += 1
        }
        used.insert(name)
        return name
    }

    // MARK: - Classes and students

    private static func fillSchool(_ schoolIndex: Int, school: School, urban: Bool, calendar: SchoolCalendar, pastDays: [Int],
                                   classes: inout [SchoolClass], roster: inout StudentRoster, random: inout SeededRandom) {
        let level = school.level
        let target = level.typicalEnrollment * random.double(in: 0.5...1.5) * (urban ? 1.2 : 1.0) * (school.isPrivate ? 0.6 : 1.0)
        let meanSize = Double(level.classSize.lowerBound + level.classSize.upperBound) / 2
        if level == .preschool {
            for (group, groupName) in preschoolGroups.enumerated() {
                let weight = group == 0 ? 0.5 : 1.0
                let count = max(group == 0 ? 0 : 1, Int((target * weight / 3.5 / meanSize * random.double(in: 0.85...1.15)).rounded()))
                for number in 0..<count where count > 0 {
                    let size = group == 0 ? random.int(in: 15...22) : random.int(in: level.classSize)
                    let classID = classes.count + 1
                    classes.append(SchoolClass(id: classID, schoolIndex: schoolIndex, name: "Lớp \(groupName) \(number + 1)", grade: 0))
                    addStudents(size, schoolIndex: schoolIndex, classID: classID, yearsSinceEntry: { rng in
                        group <= 1 ? 0 : max(0, group - 1 - (rng.chance(0.3) ? 1 : 0))
                    }, level: level, presentRate: school.presentRate, calendar: calendar, pastDays: pastDays, roster: &roster, random: &random)
                }
            }
            return
        }
        let perGrade = target / Double(level.grades.count) / meanSize
        for grade in level.grades {
            let count = max(1, Int((perGrade * random.double(in: 0.85...1.15)).rounded()))
            let entry = level.entryGrades.filter { $0 <= grade }.max() ?? grade
            for number in 1...count {
                let classID = classes.count + 1
                classes.append(SchoolClass(id: classID, schoolIndex: schoolIndex, name: "\(grade)A\(number)", grade: grade))
                addStudents(random.int(in: level.classSize), schoolIndex: schoolIndex, classID: classID,
                            yearsSinceEntry: { _ in grade - entry }, level: level, presentRate: school.presentRate, calendar: calendar,
                            pastDays: pastDays, roster: &roster, random: &random)
            }
        }
    }

    private static func addStudents(_ count: Int, schoolIndex: Int, classID: Int, yearsSinceEntry: (inout SeededRandom) -> Int,
                                    level: SchoolLevel, presentRate: Double, calendar: SchoolCalendar, pastDays: [Int],
                                    roster: inout StudentRoster, random: inout SeededRandom) {
        for _ in 0..<count {
            let isMale = random.chance(0.51)
            var enrolled = CivilTime.day(year: calendar.startYear - yearsSinceEntry(&random), month: 9, dayOfMonth: 5)
            if !pastDays.isEmpty && random.chance(0.025) {
                enrolled = random.pick(pastDays)
            }
            var left = StudentRoster.stillEnrolled
            var reason = StudentRoster.LeaveReason.none
            if random.chance(level.leaverShare) {
                let leaveCandidates = pastDays.filter { $0 > enrolled }
                if !leaveCandidates.isEmpty {
                    left = Int32(random.pick(leaveCandidates))
                    reason = random.chance(level.dropoutShare) ? .dropout : .transfer
                }
            }
            // Absence is concentrated in a few chronically absent pupils; the rest share what is left of
            // the school's absence so that its overall rate stays near `presentRate`.
            let chronicShare = min(0.3, level.chronicShare * (presentRate < 0.9 ? 2 : 1))
            let ordinaryAbsence = max(0.003, (1 - presentRate - chronicShare * 0.275) / (1 - chronicShare))
            let absence = random.chance(chronicShare)
                ? random.double(in: 0.15...0.40)
                : ordinaryAbsence * random.double(in: 0.5...1.5)
            roster.append(school: schoolIndex, classID: classID, isMale: isMale, enrolledDay: enrolled, leftDay: left,
                          leaveReason: reason, absenceProbability: Float(absence))
        }
    }

    // MARK: - Helpers

    /// Indices 0..<weights.count, `count` of them, drawn without replacement proportionally to weight.
    static func pickIndices(count: Int, weights: [Double], random: inout SeededRandom) -> [Int] {
        pickIndices(count: count, among: Array(weights.indices), weights: weights, random: &random)
    }

    /// `count` of `candidates`, drawn without replacement proportionally to `weights` (Efraimidis–Spirakis).
    static func pickIndices(count: Int, among candidates: [Int], weights: [Double], random: inout SeededRandom) -> [Int] {
        guard count > 0 else { return [] }
        var keyed: [(key: Double, candidate: Int)] = []
        for (candidate, weight) in zip(candidates, weights) {
            let draw = random.unit()
            guard weight > 0 else { continue }
            keyed.append((key: Foundation.pow(draw, 1 / weight), candidate: candidate))
        }
        keyed.sort { ($0.key, $1.candidate) > ($1.key, $0.candidate) }
        return keyed.prefix(count).map(\.candidate)
    }

    private static func weightedIndex(_ weights: [Double], random: inout SeededRandom) -> Int {
        let total = weights.reduce(0, +)
        var remaining = random.unit() * total
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }

    private static func fourDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
