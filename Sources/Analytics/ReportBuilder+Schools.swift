import Foundation
import ReportModel
import SectorData

/// The second step of a report: each school's tally (the day's counts with its static part) and its link.
extension ReportBuilder {
    /// What the schools hold besides attendance: staff, classes, intake plans, devices (and those seen), probes.
    struct SchoolInventory {
        let teachers: [Int64: Int]
        let classCounts: [Int64: Int]
        let intake: [Int64: [Int: Int]]
        let devices: [Int64: Tally]
        let seen: [Int64: (cameras: Int, gates: Int)]
        let probes: [Int64: FigureQueries.Probe]

        /// A school's tally parts that change only with the roster and the device inventory: its enrollment
        /// (from `enrollment`), level, staff, classes, intake plans and devices.
        func staticTally(of school: ProvinceTree.School, enrollment: Tally) -> Tally {
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
    }

    /// Each school's tally and link. With held statics (a unit report) a school's tally carries only the day's
    /// part and its enrolled count (for the alerts); `fullTally` adds the static part back.
    struct SchoolTallies {
        let day: [Int64: Tally]
        let links: [Int64: LinkState]
        let statics: RosterCache.SchoolStatics?

        /// A school's whole tally: the static part (held, or already in the school's tally) with the day's.
        func fullTally(_ id: Int64) -> Tally {
            guard let statics else { return day[id] ?? Tally() }
            var t = statics.tallies[id] ?? Tally()
            if let dynamic = day[id] { t.addDynamic(dynamic) }
            return t
        }

        /// A school's static part: held, or taken from its whole tally.
        func staticPart(_ id: Int64) -> Tally {
            guard let statics else { return (day[id] ?? Tally()).staticPart }
            return statics.tallies[id] ?? Tally()
        }
    }

    /// The schools' inventory: from the roster cache where held, else SQL; nothing of it for a class.
    private func inventory(_ queries: FigureQueries, isClass: Bool,
                           roster: RosterCache.DayFigures?) throws -> SchoolInventory {
        SchoolInventory(teachers: isClass ? [:] : try roster?.teachers ?? queries.teachersBySchool(),
                        classCounts: isClass ? [:] : try roster?.classCounts ?? queries.classCountBySchool(),
                        intake: isClass ? [:] : try roster?.intake ?? queries.intakeBySchool(),
                        devices: isClass ? [:] : try deviceCounts(queries),
                        seen: isClass ? [:] : try devicesSeen(queries),
                        probes: try probeStates(queries))
    }

    /// Every school's tally and link for the node's schools.
    func schoolTallies(_ queries: FigureQueries, resolved: ProvinceTree.Resolved, roster: RosterCache.DayFigures?,
                       classes: ClassTallies, schools: [ProvinceTree.School]) throws -> SchoolTallies {
        let isClass: Bool = if case .schoolClass = resolved { true } else { false }
        let held = try inventory(queries, isClass: isClass, roster: roster)
        // A unit report takes its schools' static parts held for this roster state (made once for every school).
        var statics: RosterCache.SchoolStatics?
        if isUnit(resolved), let summaries, let roster,
           let key = summaries.roster.branchKey(tokens: tokens, day: day, provinceCode: tree.province.code,
                                                scope: tree.scope, unit: tree.province.id) {
            statics = summaries.roster.schoolStatics(key) {
                RosterCache.SchoolStatics(tallies: tree.schools.values.reduce(into: [:]) { made, school in
                    made[school.id] = held.staticTally(of: school, enrollment: roster.schoolEnrollment[school.id] ?? Tally())
                })
            }
        }
        let classifier = ConnectivityClassifier(dataTime: dataTime, policy: config.connectivity)
        var tallies: [Int64: Tally] = [:]
        tallies.reserveCapacity(schools.count)
        var links: [Int64: LinkState] = [:]
        links.reserveCapacity(schools.count)
        for school in schools {
            let sums = classes.sums[school.id] ?? Tally()
            var t: Tally
            if let statics {
                t = Tally()
                t.enrolled = statics.enrolled[school.id] ?? 0
            } else {
                t = held.staticTally(of: school, enrollment: classes.enrollment.map { $0[school.id] ?? Tally() } ?? sums)
            }
            t.present = sums.present; t.late = sums.late; t.excused = sums.excused; t.unexcused = sums.unexcused
            t.unreported = sums.unreported; t.chronic = sums.chronic
            t.schoolsReporting = IndicatorRules.isReporting(reported: t.reported, enrolled: t.enrolled) ? 1 : 0
            if let s = held.seen[school.id] { t.camerasOnline = s.cameras; t.gatesOnline = s.gates }
            let link = classifier.classify(held.probes[school.id])
            links[school.id] = link
            t.addLink(link, school: tree.ref(school))
            tallies[school.id] = t
        }
        return SchoolTallies(day: tallies, links: links, statics: statics)
    }

    /// Device counts per school by kind and status: held by the roster cache while the `devices` token stands,
    /// else from SQL for the node's schools. (The cameras and gates seen are read every refresh.)
    private func deviceCounts(_ queries: FigureQueries) throws -> [Int64: Tally] {
        if let summaries, let held = try summaries.roster.deviceCounts(db, tokens: tokens, day: day) { return held }
        return try queries.deviceCountsBySchool()
    }

    /// Every school's latest probe: held by the probe tracker when the snapshot carries change tokens (its
    /// `probe_rewrites` token keys them), else from SQL for the node's schools.
    private func probeStates(_ queries: FigureQueries) throws -> [Int64: FigureQueries.Probe] {
        if let live, let key = live.probeKey {
            let province = FigureQueries(db: db, filter: .all, day: day, config: config)
            if let held = try live.caches.probes.probes(db, key: key, queries: province) { return held }
        }
        return try queries.probesBySchool()
    }

    /// Cameras and gates seen per school: from the held heartbeats when the tokens allow, else one SQL query.
    private func devicesSeen(_ queries: FigureQueries) throws -> [Int64: (cameras: Int, gates: Int)] {
        if let live, let key = live.heartbeatKey {
            return try live.caches.heartbeats.seen(db, key: key, window: queries.seenWindowSeconds(by: dataTime))
        }
        return try queries.devicesSeen(by: dataTime)
    }
}

extension Tally {
    /// Counts a school's link: its status, the speed and latency of a live link, and since when it is offline.
    mutating func addLink(_ link: ConnectivityClassifier.LinkState, school: @autoclosure () -> NodeRef) {
        switch link.status {
        case .good: good = 1
        case .moderate: moderate = 1
        case .offline: offline = 1
        case .unknown: unknown = 1
        }
        if link.status == .good || link.status == .moderate {
            if let d = link.download { downloads = [d] }
            if let l = link.latency { latencies = [l] }
        }
        if link.status == .offline {
            offlineSchools = [OfflineSchool(school: school(), since: link.since)]
        }
    }
}
