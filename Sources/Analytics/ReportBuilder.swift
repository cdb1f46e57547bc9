import Foundation
import SectorData
import GRDB

/// Computes one node's figures, its children's figures and its alerts inside one read transaction.
struct ReportBuilder {
    let db: Database
    let tree: ProvinceTree
    let config: AnalyticsConfig
    let day: ReportDay
    let zone: TimeZone
    let asOf: Date
    let publishedAt: Date?
    /// Past-day summaries to read from (and fill, for unit-level reports); nil = compute from raw rows.
    var summaries: PastDaySummaries? = nil
    /// The report day's rows kept across refreshes; nil = aggregate them in SQL.
    var today: TodayAttendance.Snapshot? = nil
    /// The snapshot's change tokens (nil: it has none, every table is read each time).
    var tokens: ChangeTokens? = nil
    /// The summaries' key for this snapshot (with `summaries`).
    var summaryKey: String? = nil
    /// Every student in compact form, when summaries are in use and the students fit it.
    var students: StudentFacts? = nil

    struct Result {
        var figures: NodeFigures
        var children: [NodeFigures]
        var alerts: [Alert]
        /// Schools under a unit not reporting yet, least complete first (empty for a school or class).
        var notReporting: [SchoolProgress] = []
    }

    /// The school's connectivity and, when offline, since when.
    struct LinkState {
        let status: ConnectivityStatus
        let since: Date?
        let download: Double?
        let latency: Double?
    }

    /// The schools a node covers and the SQL filter selecting their rows.
    private func coverage(_ resolved: ProvinceTree.Resolved) -> ([ProvinceTree.School], FigureQueries.Filter) {
        let nodeSchools: [ProvinceTree.School]
        let filter: FigureQueries.Filter
        switch resolved {
        case .unit(let unit):
            nodeSchools = tree.activeSchools(under: unit)
            filter = (tree.scope == nil && unit.id == tree.province.id) ? .all : .schools(nodeSchools.map(\.id).sorted())
        case .school(let school):
            nodeSchools = [school]
            filter = .schools([school.id])
        case .schoolClass(let school, let classID, _, _):
            nodeSchools = [school]
            filter = .oneClass(school: school.id, classID: classID)
        }
        return (nodeSchools, filter)
    }

    /// The report day's attendance per class: from the kept rows when there are some, else from SQL.
    private func attendance(_ queries: FigureQueries, into tallies: inout [FigureQueries.ClassKey: Tally]) throws {
        guard let today, !day.isBeforeSchoolYear else {
            try queries.attendanceByClass(into: &tallies)
            return
        }
        for (key, c) in today.byClass where queries.includes(school: key.school, classID: key.classID) {
            var t = tallies[key] ?? Tally()
            t.present += c.present; t.late += c.late; t.excused += c.excused; t.unexcused += c.unexcused
            tallies[key] = t
        }
    }

    /// A school's or class's enrolled per class as of the report day, by the class each pupil was in that day
    /// (`FigureQueries.enrolledByClassThatDay`): a pupil who changed class is counted where today's row puts them.
    private func enrollClassesThatDay(_ queries: FigureQueries, into tallies: inout [FigureQueries.ClassKey: Tally]) throws {
        let thatDay = try queries.enrolledByClassThatDay(days: [day.day])[day.day] ?? [:]
        for key in Set(tallies.keys).union(thatDay.keys) where queries.includes(school: key.school, classID: key.classID) {
            var t = tallies[key] ?? Tally()
            let e = thatDay[key] ?? (0, 0, 0)
            t.enrolled = e.enrolled; t.female = e.female; t.male = e.male
            tallies[key] = t
        }
    }

    /// The report day's rows at the node left out of every figure: from today's kept rows, else by SQL.
    private func rowsLeftOut(_ queries: FigureQueries, resolved: ProvinceTree.Resolved,
                             schools: [ProvinceTree.School]) throws -> Int {
        let byClass = try today?.leftOut ?? queries.leftOutByClass()
        guard !byClass.isEmpty else { return 0 }
        let ids = Set(schools.map(\.id))
        let everything = tree.scope == nil && unitID(resolved) == tree.province.id
        return byClass.reduce(0) { sum, entry in
            let (key, n) = entry
            let inNode = everything || (ids.contains(key.school) && queries.includes(school: key.school, classID: key.classID))
            return sum + (inNode ? n : 0)
        }
    }

    /// The unit's id when the node is an admin unit.
    private func unitID(_ resolved: ProvinceTree.Resolved) -> Int64? {
        if case .unit(let unit) = resolved { return unit.id }
        return nil
    }

    private func isUnit(_ resolved: ProvinceTree.Resolved) -> Bool { unitID(resolved) != nil }

    /// Per-school day counts of a unit's schools from the caches alone: today's statuses, unreported per class
    /// (enrolled − reported, never below zero) and chronic absence. Equal to summing the per-class tallies,
    /// without building one per class; the enrollment comes from `roster.schoolEnrollment` instead.
    private func schoolSums(_ queries: FigureQueries, roster: RosterCache.DayFigures, today: TodayAttendance.Snapshot,
                            schools: [ProvinceTree.School]) throws -> [Int64: Tally] {
        // Plain counters per school position: no per-class Tally is built.
        var position: [Int64: Int] = [:]
        position.reserveCapacity(schools.count)
        for (i, school) in schools.enumerated() { position[school.id] = i }
        var chronic = [Int](repeating: 0, count: schools.count)
        try addChronic(queries, into: &chronic, position: position, absentToday: today.absent)
        // The per-school counts today's rows keep against this roster state, else summed from the classes.
        let bySchool = today.bySchool ?? Self.schoolCounts(today.byClass, enrolled: roster.enrolledByClass)
        var sums: [Int64: Tally] = [:]
        sums.reserveCapacity(schools.count)
        for (i, school) in schools.enumerated() {
            var t = Tally()
            if let c = bySchool[school.id] {
                t.present = c.statuses.present; t.late = c.statuses.late
                t.excused = c.statuses.excused; t.unexcused = c.statuses.unexcused
                t.unreported = c.unreported
            }
            t.chronic = chronic[i]
            sums[school.id] = t
        }
        return sums
    }

    /// Today's per-school counts summed from the classes' (what `TodayAttendance` keeps when given a basis).
    private static func schoolCounts(_ byClass: [FigureQueries.ClassKey: TodayAttendance.Counts],
                                     enrolled: [FigureQueries.ClassKey: Int]) -> [Int64: TodayAttendance.SchoolCounts] {
        var state = TodayAttendance.State()
        state.byClass = byClass
        state.keepSchoolCounts(against: enrolled)
        return state.bySchool
    }

    /// Chronic absence per school position for a unit report: from the held base's per-school counts and the
    /// students absent today one absence short of the threshold (SQL per class when nothing is held).
    private func addChronic(_ queries: FigureQueries, into chronic: inout [Int], position: [Int64: Int],
                            absentToday: Set<Int64>) throws {
        if let held = today?.reaching {
            // Kept by today's rows against the held base.
            for (school, n) in held.base.atThresholdBySchool { if let i = position[school] { chronic[i] += n } }
            for (school, n) in held.bySchool { if let i = position[school] { chronic[i] += n } }
            return
        }
        guard let (base, students) = try heldChronicBase(queries, unit: true) else {
            var byClass: [FigureQueries.ClassKey: Tally] = [:]
            try queries.chronicByClass(into: &byClass)
            for (key, t) in byClass { if let i = position[key.school] { chronic[i] += t.chronic } }
            return
        }
        for (school, n) in base.atThresholdBySchool { if let i = position[school] { chronic[i] += n } }
        queries.forEachReachingThreshold(base: base, students: students, absentToday: absentToday) { key in
            if let i = position[key.school] { chronic[i] += 1 }
        }
    }

    /// The chronic-absence base from the summaries when the students are held, the day is a school day in
    /// `YYYY-MM-DD` form and the province-wide absences are (or, for a unit report, may be) filled; nil = SQL.
    private func heldChronicBase(_ queries: FigureQueries, unit: Bool) throws
        -> (base: PastDaySummaries.ChronicBase, students: StudentFacts)? {
        guard let summaries, let students, let start = day.yearStart, !day.isBeforeSchoolYear, day.schoolDaysSoFar > 0,
              StudentFacts.dayNumber(day.day) != nil,
              unit || summaries.hasAbsences(yearStart: start, before: day.day) else { return nil }
        let base = try summaries.chronicBase(db, students: students, studentsToken: tokens?["students"],
                                             yearStart: start, day: day.day, minDays: queries.chronicMinDays)
        return (base, students)
    }

    /// The report day's province-wide enrollment, teachers, classes and intake plans from the roster cache, when
    /// the students are held; nil = SQL.
    private func rosterFigures() throws -> RosterCache.DayFigures? {
        guard let summaries, let students else { return nil }
        return try summaries.roster.dayFigures(db, tokens: tokens, day: day, students: students)
    }

    /// Device counts per school by kind and status: held by the roster cache while the `devices` token stands,
    /// else from SQL for the node's schools. (The cameras and gates seen are read every refresh.)
    private func deviceCounts(_ queries: FigureQueries) throws -> [Int64: Tally] {
        if let summaries, let held = try summaries.roster.deviceCounts(db, tokens: tokens, day: day) { return held }
        return try queries.deviceCountsBySchool()
    }

    /// A school's tally parts that change only with the roster and the device inventory: its enrollment (from
    /// `enrollment`), level, staff, classes, intake plans and devices.
    private static func staticTally(of school: ProvinceTree.School, enrollment: Tally, teachers: [Int64: Int],
                                    classCounts: [Int64: Int], intake: [Int64: [Int: Int]],
                                    devices: [Int64: Tally]) -> Tally {
        var t = enrollment.staticPart
        t.schoolsTotal = school.active ? 1 : 0
        if t.enrolled > 0 { t.byLevel = [school.level: t.enrolled] }
        t.teachers = teachers[school.id] ?? 0
        t.classes = classCounts[school.id] ?? 0
        for (grade, planned) in intake[school.id] ?? [:] {
            t.intakePlanned[grade] = planned
            t.intakeEnrolled[grade] = t.byGrade[grade] ?? 0
        }
        if let d = devices[school.id] {
            t.devices = d.devices
            t.computersWorking = d.computersWorking; t.computersTotal = d.computersTotal
            t.projectorsWorking = d.projectorsWorking
            t.camerasTotal = d.camerasTotal; t.gatesTotal = d.gatesTotal
        }
        return t
    }

    /// Every school's latest probe: held by the summaries' tracker when the snapshot carries change tokens (its
    /// `probe_rewrites` token keys them), else from SQL for the node's schools.
    private func probeStates(_ queries: FigureQueries) throws -> [Int64: FigureQueries.Probe] {
        if let summaries, let summaryKey, let token = tokens?[ChangeTokens.probeRewrites] {
            let province = FigureQueries(db: db, filter: .all, day: day, config: config)
            if let held = try summaries.probes.probes(db, key: "\(summaryKey)|\(token)", queries: province) {
                return held
            }
        }
        return try queries.probesBySchool()
    }

    /// Cameras and gates seen per school: from the held heartbeats when the tokens allow, else one SQL query.
    private func devicesSeen(_ queries: FigureQueries) throws -> [Int64: (cameras: Int, gates: Int)] {
        if let summaries, let summaryKey, let devices = tokens?["devices"],
           let late = tokens?[ChangeTokens.lateHeartbeats] {
            return try summaries.heartbeats.seen(db, key: "\(summaryKey)|\(devices)|\(late)",
                                                 window: queries.seenWindowSeconds(by: dataTime))
        }
        return try queries.devicesSeen(by: dataTime)
    }

    /// Chronic absence per class: from the held base and today's absences when the students are held and the
    /// province-wide absences are (or may be) filled, else one SQL query.
    private func chronic(_ queries: FigureQueries, into tallies: inout [FigureQueries.ClassKey: Tally],
                         unit: Bool) throws {
        guard let (base, students) = try heldChronicBase(queries, unit: unit) else {
            try queries.chronicByClass(into: &tallies)
            return
        }
        queries.chronicByClass(into: &tallies, base: base, students: students,
                               absentToday: try today?.absent ?? queries.absentToday())
    }

    /// The trend's past days per school: from the summaries (filled province-wide for a unit, or when all the
    /// days are already held), else straight from the rows of the node's schools. A class's come from its own
    /// rows (the summaries hold whole schools).
    private func pastCounts(_ queries: FigureQueries, unit: Bool) throws -> [String: [Int64: PastDaySummaries.DayCounts]] {
        let past = day.trendDays.filter { $0 < day.day }
        if let summaries, !queries.isOneClass, unit || summaries.holds(days: past) {
            return try summaries.pastTrend(db, days: past)
        }
        return try queries.pastTrendBySchool().mapValues { $0.mapValues { PastDaySummaries.DayCounts(attending: $0.attending, reported: $0.reported) } }
    }

    /// The trend alone: the report day's point from its attendance, past days from the trend query.
    func trendOnly(_ resolved: ProvinceTree.Resolved) throws -> [DayRate] {
        let (nodeSchools, filter) = coverage(resolved)
        let queries = FigureQueries(db: db, filter: filter, day: day, config: config)
        var todayBySchool: [Int64: DayPoint] = [:]
        if let today, !day.isBeforeSchoolYear {
            for (key, c) in today.byClass where queries.includes(school: key.school, classID: key.classID) {
                todayBySchool[key.school, default: DayPoint()].add(attending: c.attending, reported: c.reported)
            }
        } else {
            var classTallies: [FigureQueries.ClassKey: Tally] = [:]
            try queries.attendanceByClass(into: &classTallies)
            for (key, t) in classTallies {
                todayBySchool[key.school, default: DayPoint()].add(attending: t.present + t.late, reported: t.reported)
            }
        }
        return try trendPoints(queries, schools: nodeSchools, today: todayBySchool, unit: unitID(resolved))
    }

    /// One school's attending and reported counts of a day (a trend point before the rate is taken).
    struct DayPoint {
        var attending = 0, reported = 0

        mutating func add(attending a: Int, reported r: Int) {
            attending += a
            reported += r
        }
    }

    func build(_ resolved: ProvinceTree.Resolved, includeChildren: Bool, includeTrend: Bool) throws -> Result {
        let (nodeSchools, filter) = coverage(resolved)
        let queries = FigureQueries(db: db, filter: filter, day: day, config: config)

        // Students and attendance per class, summed per school.
        let roster = try rosterFigures()
        var classTallies: [FigureQueries.ClassKey: Tally] = [:]
        let classSums: [Int64: Tally]
        // Where the per-school sums carry no enrollment, it is taken from here.
        let enrollment: [Int64: Tally]?
        if isUnit(resolved), let roster, let today {
            classSums = try schoolSums(queries, roster: roster, today: today, schools: nodeSchools)
            enrollment = roster.schoolEnrollment
        } else {
            enrollment = nil
            if let roster {
                for (position, key) in roster.classes.keys.enumerated()
                where queries.includes(school: key.school, classID: key.classID) {
                    classTallies[key] = roster.tally(at: position)
                }
            } else {
                try queries.enrollmentByClass(into: &classTallies)
            }
            try attendance(queries, into: &classTallies)
            try chronic(queries, into: &classTallies, unit: isUnit(resolved))
            if !isUnit(resolved) { try enrollClassesThatDay(queries, into: &classTallies) }
            for key in Array(classTallies.keys) {
                if var t = classTallies[key] {
                    t.unreported = max(0, t.enrolled - t.reported)
                    classTallies[key] = t
                }
            }
            var sums: [Int64: Tally] = [:]
            for (key, t) in classTallies { sums[key.school, default: Tally()].add(t) }
            classSums = sums
        }

        // Per school.
        let isClass: Bool = if case .schoolClass = resolved { true } else { false }
        let teachers = isClass ? [:] : try roster?.teachers ?? queries.teachersBySchool()
        let classCounts = isClass ? [:] : try roster?.classCounts ?? queries.classCountBySchool()
        let intake = isClass ? [:] : try roster?.intake ?? queries.intakeBySchool()
        let devices = isClass ? [:] : try deviceCounts(queries)
        let seen = isClass ? [:] : try devicesSeen(queries)
        let probes = try probeStates(queries)
        // A unit report takes its schools' static parts held for this roster state (made once for every school).
        let makeStatic = { (school: ProvinceTree.School, enrollment: Tally) in
            Self.staticTally(of: school, enrollment: enrollment, teachers: teachers, classCounts: classCounts,
                             intake: intake, devices: devices)
        }
        var statics: RosterCache.SchoolStatics?
        if isUnit(resolved), let summaries, let roster,
           let key = summaries.roster.branchKey(tokens: tokens, day: day, provinceCode: tree.province.code,
                                                scope: tree.scope, unit: tree.province.id) {
            statics = summaries.roster.schoolStatics(key) {
                RosterCache.SchoolStatics(tallies: tree.schools.values.reduce(into: [:]) { held, school in
                    held[school.id] = makeStatic(school, roster.schoolEnrollment[school.id] ?? Tally())
                })
            }
        }

        let freshFrom = self.freshFrom
        var schoolTallies: [Int64: Tally] = [:]
        schoolTallies.reserveCapacity(nodeSchools.count)
        var links: [Int64: LinkState] = [:]
        links.reserveCapacity(nodeSchools.count)
        // With held statics a school's tally carries only the day's part and its enrolled count (for the alerts):
        // copying every school's static dictionaries was most of this loop. `fullTally` adds the static part back.
        for school in nodeSchools {
            let sums = classSums[school.id] ?? Tally()
            var t: Tally
            if let statics {
                t = Tally()
                t.enrolled = statics.enrolled[school.id] ?? 0
            } else {
                t = makeStatic(school, enrollment.map { $0[school.id] ?? Tally() } ?? sums)
            }
            t.present = sums.present; t.late = sums.late; t.excused = sums.excused; t.unexcused = sums.unexcused
            t.unreported = sums.unreported; t.chronic = sums.chronic
            t.schoolsReporting = IndicatorRules.isReporting(reported: t.reported, enrolled: t.enrolled) ? 1 : 0
            if let s = seen[school.id] { t.camerasOnline = s.cameras; t.gatesOnline = s.gates }
            let link = classify(probes[school.id], freshFrom: freshFrom)
            links[school.id] = link
            switch link.status {
            case .good: t.good = 1
            case .moderate: t.moderate = 1
            case .offline: t.offline = 1
            case .unknown: t.unknown = 1
            }
            if link.status == .good || link.status == .moderate {
                if let d = link.download { t.downloads = [d] }
                if let l = link.latency { t.latencies = [l] }
            }
            if link.status == .offline {
                t.offlineSchools = [OfflineSchool(school: tree.ref(school), since: link.since)]
            }
            schoolTallies[school.id] = t
        }

        /// A school's whole tally: the static part (held, or already in the school's tally) with the day's.
        func fullTally(_ id: Int64) -> Tally {
            guard let statics else { return schoolTallies[id] ?? Tally() }
            var t = statics.tallies[id] ?? Tally()
            if let dynamic = schoolTallies[id] { t.addDynamic(dynamic) }
            return t
        }

        /// A school's static part: held, or taken from its whole tally.
        func staticPart(_ id: Int64) -> Tally {
            guard let statics else { return (schoolTallies[id] ?? Tally()).staticPart }
            return statics.tallies[id] ?? Tally()
        }

        // The node itself.
        let nodeRef = tree.ref(resolved)
        let trend = includeTrend ? try trendPoints(queries, schools: nodeSchools,
                                                   today: classSums.mapValues { DayPoint(attending: $0.present + $0.late, reported: $0.reported) },
                                                   unit: unitID(resolved)) : []
        var figures: NodeFigures
        var children: [NodeFigures] = []
        switch resolved {
        case .unit(let unit):
            // The total is the branches' sums plus the unit's own schools: each school is added once. What changes
            // only with the roster is summed once per roster state; each refresh adds the day's counts.
            let statics = summaries.map { summaries in
                summaries.roster.branchStatics(summaries.roster.branchKey(
                    tokens: tokens, day: day, provinceCode: tree.province.code, scope: tree.scope, unit: unit.id)) {
                    staticSums(of: unit, schools: nodeSchools, staticPart: staticPart)
                }
            } ?? staticSums(of: unit, schools: nodeSchools, staticPart: staticPart)
            var byBranch = statics.byBranch
            var total = statics.total
            for school in nodeSchools {
                guard let t = schoolTallies[school.id] else { continue }
                total.addDynamic(t)
                if school.unitID != unit.id { byBranch[branch(of: school, under: unit), default: Tally()].addDynamic(t) }
            }
            figures = NodeFigures(node: nodeRef, attendance: total.attendance(day: day, trend: trend),
                                  enrollment: statics.totalEnrollment,
                                  devices: RosterCache.BranchStatics.devices(statics.totalDevices, seenIn: total),
                                  connectivity: total.connectivityFigures(status: nil))
            if includeChildren {
                children = unitChildren(of: unit, byBranch: byBranch, statics: statics, tally: fullTally, links: links)
            }
        case .school(let school):
            let t = schoolTallies[school.id] ?? Tally()
            figures = NodeFigures(node: nodeRef, attendance: t.attendance(day: day, trend: trend),
                                  enrollment: t.enrollment(), devices: t.deviceFigures(),
                                  connectivity: t.connectivityFigures(status: links[school.id]?.status))
            if includeChildren {
                children = try classChildren(of: school, tallies: classTallies, status: links[school.id]?.status)
            }
        case .schoolClass(let school, let classID, _, _):
            let t = classTallies[FigureQueries.ClassKey(school: school.id, classID: classID)] ?? Tally()
            figures = classFigures(nodeRef, t, trend: trend, status: links[school.id]?.status)
        }

        figures.attendance.rowsLeftOut = try rowsLeftOut(queries, resolved: resolved, schools: nodeSchools)
        let rules = AlertRules(config: config, day: day, zone: zone, asOf: asOf, publishedAt: publishedAt)
        var alerts = rules.snapshotAlerts(root: tree.ref(tree.root))
        if !isClass {
            for school in nodeSchools where school.active {
                if let t = schoolTallies[school.id], let link = links[school.id] {
                    alerts += rules.schoolAlerts(tree.ref(school), t, link: link)
                }
            }
        }
        return Result(figures: figures, children: children, alerts: AlertRules.sorted(alerts),
                      notReporting: isUnit(resolved) ? notReporting(nodeSchools, tallies: schoolTallies) : [])
    }

    // MARK: Children

    /// The child unit of `unit` that a school below it (not directly in it) falls under.
    private func branch(of school: ProvinceTree.School, under unit: ProvinceTree.Unit) -> Int64 {
        var id = school.unitID
        while let parent = tree.units[id]?.parentID, parent != unit.id { id = parent }
        return id
    }

    /// The static parts (`Tally.staticPart`) of a unit's schools summed per child unit and in all.
    private func staticSums(of unit: ProvinceTree.Unit, schools: [ProvinceTree.School],
                            staticPart: (Int64) -> Tally) -> RosterCache.BranchStatics {
        var byBranch: [Int64: Tally] = [:]
        var total = Tally()
        for school in schools {
            let part = staticPart(school.id)
            total.add(part)
            if school.unitID != unit.id { byBranch[branch(of: school, under: unit), default: Tally()].add(part) }
        }
        return RosterCache.BranchStatics(byBranch: byBranch, total: total)
    }

    /// The unit's child units (their enrollment and device figures from the held statics) and its own schools.
    private func unitChildren(of unit: ProvinceTree.Unit, byBranch: [Int64: Tally], statics: RosterCache.BranchStatics,
                              tally: (Int64) -> Tally, links: [Int64: LinkState]) -> [NodeFigures] {
        var result: [NodeFigures] = []
        for child in tree.visibleChildUnits(of: unit) {
            let t = byBranch[child.id] ?? Tally()
            let devices = statics.devicesByBranch[child.id].map { RosterCache.BranchStatics.devices($0, seenIn: t) }
            result.append(NodeFigures(node: tree.ref(child), attendance: t.attendance(day: day, trend: []),
                                      enrollment: statics.enrollmentByBranch[child.id] ?? t.enrollment(),
                                      devices: devices ?? t.deviceFigures(),
                                      connectivity: t.connectivityFigures(status: nil)))
        }
        for school in tree.directSchools(of: unit) {
            let t = tally(school.id)
            result.append(NodeFigures(node: tree.ref(school), attendance: t.attendance(day: day, trend: []),
                                      enrollment: t.enrollment(), devices: t.deviceFigures(),
                                      connectivity: t.connectivityFigures(status: links[school.id]?.status)))
        }
        return result
    }

    private func classChildren(of school: ProvinceTree.School, tallies: [FigureQueries.ClassKey: Tally],
                               status: ConnectivityStatus?) throws -> [NodeFigures] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM classes WHERE school_id = ? ORDER BY grade, name, id",
                                    arguments: [school.id])
        return rows.compactMap { row in
            guard let id = row.checkedInt64(0), let name = row.checkedText(1) else { return nil }
            let ref = NodeRef(level: .class, code: "\(tree.ref(school).code)/\(name)", name: name, detail: nil)
            return classFigures(ref, tallies[FigureQueries.ClassKey(school: school.id, classID: id)] ?? Tally(),
                                trend: [], status: status)
        }
    }

    private func classFigures(_ ref: NodeRef, _ t: Tally, trend: [DayRate], status: ConnectivityStatus?) -> NodeFigures {
        NodeFigures(node: ref, attendance: t.attendance(day: day, trend: trend), enrollment: t.enrollment(),
                    devices: DeviceFigures(), connectivity: ConnectivityFigures(status: status))
    }

    // MARK: Trend and connectivity

    /// `today`: the report day's attending and reported counts per school. For a unit, what does not depend on
    /// today's rows (past days' counts, enrolled per day) is summed once per state of the summaries and roster.
    private func trendPoints(_ queries: FigureQueries, schools: [ProvinceTree.School],
                             today: [Int64: DayPoint], unit: Int64?) throws -> [DayRate] {
        let sums: [String: PastDaySummaries.TrendSum]
        if let unit, let summaries, let key = summaries.roster.branchKey(
            tokens: tokens, day: day, provinceCode: tree.province.code, scope: tree.scope, unit: unit) {
            sums = try summaries.trendSums(key, days: day.trendDays) {
                try trendSums(queries, schools: schools, unit: true)
            }
        } else {
            sums = try trendSums(queries, schools: schools, unit: unit != nil)
        }
        return day.trendDays.map { d in
            var point = sums[d] ?? PastDaySummaries.TrendSum()
            if d == day.day {
                for school in schools {
                    if let p = today[school.id] { point.attending += p.attending; point.reported += p.reported }
                }
            }
            return DayRate(day: d, rate: point.reported > 0 ? Double(point.attending) / Double(point.reported) : nil,
                           completeness: point.enrolled > 0 ? Double(point.reported) / Double(point.enrolled) : nil)
        }
    }

    /// The trend days' sums over the schools without today's rows: past days' attending and reported, and every
    /// day's enrolled.
    private func trendSums(_ queries: FigureQueries, schools: [ProvinceTree.School],
                           unit: Bool) throws -> [String: PastDaySummaries.TrendSum] {
        let ids = Set(schools.map(\.id))
        let past = try pastCounts(queries, unit: unit)
        let enrolled: [String: [Int64: Int]]
        if case .oneClass(let school, let classID) = queries.filter {
            let key = FigureQueries.ClassKey(school: school, classID: classID)
            enrolled = try queries.enrolledByClassThatDay(days: day.trendDays).mapValues { [school: $0[key]?.enrolled ?? 0] }
        } else if let summaries, let students {
            enrolled = summaries.roster.enrolledBySchool(tokens: tokens, days: day.trendDays, students: students)
        } else {
            enrolled = try queries.enrolledBySchool(onDays: day.trendDays)
        }
        var sums: [String: PastDaySummaries.TrendSum] = [:]
        for d in day.trendDays {
            var point = PastDaySummaries.TrendSum()
            if d != day.day {
                for (school, counts) in past[d] ?? [:] where ids.contains(school) {
                    point.attending += counts.attending
                    point.reported += counts.reported
                }
            }
            for (school, n) in enrolled[d] ?? [:] where ids.contains(school) { point.enrolled += n }
            sums[d] = point
        }
        return sums
    }

    /// The instant freshness is judged at (probes, devices seen): the as-of time, but never later than the
    /// snapshot's publication. A snapshot that stopped updating is reported as stale (its own alert), not as
    /// every school going offline. (With clock skew `asOf` is already the data's time: see `ClockSkew`.)
    private var dataTime: Date { min(asOf, publishedAt ?? asOf) }

    /// The oldest probe time still counted as fresh (probes before it mean offline).
    private var freshFrom: String {
        SnapshotTime.format(dataTime.addingTimeInterval(-Double(config.connectivity.offlineAfterMinutes) * 60))
    }

    /// A school's link state from its latest probe; `freshFrom` is the report's, computed once.
    private func classify(_ probe: FigureQueries.Probe?, freshFrom: String) -> LinkState {
        guard let probe else { return LinkState(status: .unknown, since: nil, download: nil, latency: nil) }
        guard let download = probe.download else {
            return LinkState(status: .offline, since: probe.firstFailedAfterGood.flatMap(SnapshotTime.parse),
                             download: nil, latency: nil)
        }
        guard probe.latestAt >= freshFrom else {
            let since = (probe.lastGoodAt ?? probe.latestAt)
            return LinkState(status: .offline, since: SnapshotTime.parse(since)?.addingTimeInterval(300),
                             download: nil, latency: nil)
        }
        let status: ConnectivityStatus = download >= config.connectivity.benchmarkMbps ? .good : .moderate
        return LinkState(status: status, since: nil, download: download, latency: probe.latency)
    }
}
