import Foundation
import SectorData
import GRDB
import ReportModel

/// Computes one node's figures, its children's figures and its alerts inside one read transaction.
///
/// `build` runs in three steps: per class (`ReportBuilder+Classes.swift`), per school (`+Schools.swift`), then
/// the node itself — a unit (`+Unit.swift`), a school or a class (`+SchoolAndClass.swift`) — with the trend
/// (`+Trend.swift`) and the links judged by `ConnectivityClassifier`. Each step reads from the live caches
/// (`live`, `today`) where they hold the answer and from `FigureQueries` (SQL) where not.
struct ReportBuilder {
    let db: Database
    let tree: ProvinceTree
    let config: AnalyticsConfig
    let day: ReportDay
    let zone: TimeZone
    let asOf: Date
    let publishedAt: Date?
    /// The live caches and what this refresh read for them; nil = compute from raw rows.
    var live: RefreshInputs? = nil
    /// The report day's rows kept across refreshes; nil = aggregate them in SQL.
    var today: TodayAttendance.Snapshot? = nil

    /// The school's connectivity and, when offline, since when.
    typealias LinkState = ConnectivityClassifier.LinkState

    /// The live caches, when in use.
    var summaries: LiveCaches? { live?.caches }
    /// The snapshot's change tokens, when the caches are in use.
    var tokens: ChangeTokens? { live?.tokens }
    /// Every student in compact form, when the caches are in use.
    var students: StudentFacts? { live?.students }

    struct Result {
        var figures: NodeFigures
        var children: [NodeFigures]
        var alerts: [Alert]
        /// Schools under a unit not reporting yet, least complete first (empty for a school or class).
        var notReporting: [SchoolProgress] = []
    }

    /// One school's attending and reported counts of a day (a trend point before the rate is taken).
    struct DayPoint {
        var attending = 0, reported = 0

        mutating func add(attending a: Int, reported r: Int) {
            attending += a
            reported += r
        }
    }

    /// The schools a node covers and the SQL filter selecting their rows.
    func coverage(_ resolved: ProvinceTree.Resolved) -> ([ProvinceTree.School], FigureQueries.Filter) {
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

    /// The unit's id when the node is an admin unit.
    func unitID(_ resolved: ProvinceTree.Resolved) -> Int64? {
        if case .unit(let unit) = resolved { return unit.id }
        return nil
    }

    func isUnit(_ resolved: ProvinceTree.Resolved) -> Bool { unitID(resolved) != nil }

    /// The node's figures, its children's (when asked) and its alerts.
    func build(_ resolved: ProvinceTree.Resolved, includeChildren: Bool, includeTrend: Bool) throws -> Result {
        let (nodeSchools, filter) = coverage(resolved)
        let queries = FigureQueries(db: db, filter: filter, day: day, config: config)
        let roster = try rosterFigures()
        let classes = try classTallies(queries, resolved: resolved, roster: roster, schools: nodeSchools)
        let schools = try schoolTallies(queries, resolved: resolved, roster: roster, classes: classes,
                                        schools: nodeSchools)
        let trend = includeTrend ? try trendPoints(queries, schools: nodeSchools,
                                                   today: classes.sums.mapValues { DayPoint(attending: $0.present + $0.late, reported: $0.reported) },
                                                   unit: unitID(resolved)) : []
        var figures: NodeFigures
        var children: [NodeFigures] = []
        switch resolved {
        case .unit(let unit):
            (figures, children) = unitFigures(unit, ref: tree.ref(resolved), schools: nodeSchools, tallies: schools, trend: trend,
                                              includeChildren: includeChildren)
        case .school(let school):
            (figures, children) = try schoolFigures(school, ref: tree.ref(resolved), tallies: schools,
                                                    classes: classes.tallies, trend: trend,
                                                    includeChildren: includeChildren)
        case .schoolClass(let school, let classID, _, _):
            let t = classes.tallies[FigureQueries.ClassKey(school: school.id, classID: classID)] ?? Tally()
            figures = classFigures(tree.ref(resolved), t, trend: trend, status: schools.links[school.id]?.status)
        }
        figures.attendance.rowsLeftOut = try rowsLeftOut(queries, resolved: resolved, schools: nodeSchools)
        return Result(figures: figures, children: children,
                      alerts: alerts(resolved, schools: nodeSchools, tallies: schools),
                      notReporting: isUnit(resolved) ? notReporting(nodeSchools, tallies: schools.day) : [])
    }

    /// The snapshot's alerts, and each active school's in the node (none for a class).
    private func alerts(_ resolved: ProvinceTree.Resolved, schools: [ProvinceTree.School],
                        tallies: SchoolTallies) -> [Alert] {
        let rules = AlertRules(config: config, day: day, zone: zone, asOf: asOf, publishedAt: publishedAt)
        var alerts = rules.snapshotAlerts(root: tree.ref(tree.root))
        if case .schoolClass = resolved { return AlertRules.sorted(alerts) }
        for school in schools where school.active {
            if let t = tallies.day[school.id], let link = tallies.links[school.id] {
                alerts += rules.schoolAlerts(tree.ref(school), t, link: link)
            }
        }
        return AlertRules.sorted(alerts)
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

    /// The instant freshness is judged at (probes, devices seen): the as-of time, but never later than the
    /// snapshot's publication. A snapshot that stopped updating is reported as stale (its own alert), not as
    /// every school going offline. (With clock skew `asOf` is already the data's time: see `ClockSkew`.)
    var dataTime: Date { min(asOf, publishedAt ?? asOf) }
}
