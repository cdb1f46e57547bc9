import Analytics
import Foundation
import GRDB
import ReportModel
import Testing
import TestSupport

/// Province, commune, school and class figures of the rich fixture against independent sqlite3 SQL.
@Suite struct CrossCheckTests {
    let path: String
    let engine: AnalyticsEngine
    let asOf = AnalyticsFixtures.instant(AnalyticsFixtures.richAsOf)

    init() throws {
        path = AnalyticsFixtures.temporaryPath("rich.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
        engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
    }

    func truth(_ schools: String, classFilter: String = "") -> Truth {
        Truth(path: path, day: "2025-10-08", asOf: AnalyticsFixtures.richAsOf, schools: schools, classFilter: classFilter)
    }

    func check(_ f: NodeFigures, _ t: Truth, schoolLevel: Bool = true) throws {
        let a = f.attendance
        let s = try t.statuses()
        #expect(a.day == "2025-10-08")
        #expect(a.isAsOfSchoolDay)
        #expect(a.enrolled == (try t.enrolled()))
        #expect(a.present == s["present", default: 0])
        #expect(a.late == s["late", default: 0])
        #expect(a.excused == s["excused", default: 0])
        #expect(a.unexcused == s["unexcused", default: 0])
        let reported = s.values.reduce(0, +)
        #expect(a.unreported == (try t.enrolled()) - reported)
        if reported > 0 {
            let rate = Double(s["present", default: 0] + s["late", default: 0]) / Double(reported)
            #expect(abs((a.rate ?? -1) - rate) < 1e-12)
        }
        #expect(a.chronicAbsent == (try t.chronic()))
        let e = f.enrollment
        #expect(e.enrolled == a.enrolled)
        #expect(e.female == (try t.female()))
        #expect(e.male == (try t.male()))
        #expect(e.joined == (try t.joined()))
        #expect(e.left == (try t.left()))
        guard schoolLevel else { return }
        #expect(a.schoolsReporting == (try t.schoolsReporting()))
        let d = try t.devices(seenFrom: "2025-10-08T02:15:00Z")
        #expect(f.devices.computersWorking == d["computers_working"])
        #expect(f.devices.computersTotal == d["computers_total"])
        #expect(f.devices.projectorsWorking == d["projectors_working"])
        #expect(f.devices.camerasTotal == d["cameras_total"])
        #expect(f.devices.camerasOnline == d["cameras_online"])
        #expect(f.devices.gatesOnline == d["gates_online"])
        let c = try t.connectivity(benchmark: 20, freshFrom: "2025-10-08T02:15:00Z")
        #expect(f.connectivity.good == c["good", default: 0])
        #expect(f.connectivity.moderate == c["moderate", default: 0])
        #expect(f.connectivity.offline == c["offline", default: 0])
        #expect(f.connectivity.unknown == c["unknown", default: 0])
    }

    @Test func province() throws {
        let report = try engine.report(for: nil, asOf: asOf)
        #expect(report.figures.node.code == "P01")
        #expect(report.figures.node.level == .province)
        try check(report.figures, truth("SELECT id FROM schools WHERE status = 'active'"))
        #expect(report.figures.attendance.schoolsTotal == 7)  // S08 is closed
        // Hand-known connectivity: S01, S07 good; S02 moderate; S03, S05, S06 offline; S04 never probed.
        let c = report.figures.connectivity
        #expect([c.good, c.moderate, c.offline, c.unknown] == [Int]([2, 1, 3, 1]))
        #expect(report.figures.attendance.enrolled > 300)  // sanity: the fixture is not empty
        // Children: X01, X02, X03, D01 (units, name order) then S07 (attached to the province directly).
        #expect(Set(report.children.map(\.node.code)) == ["X01", "X02", "X03", "D01", "S07"])
        #expect(report.children.last?.node.code == "S07")
        let sum = report.children.reduce(0) { $0 + $1.attendance.present }
        #expect(sum == report.figures.attendance.present)
        #expect(report.figures.attendance.trend.count == 22)
        #expect(report.figures.attendance.trend.last?.day == "2025-10-08")
    }

    @Test func commune() throws {
        let node = try engine.node(code: "X02")
        let report = try engine.report(for: node, asOf: asOf)
        try check(report.figures, truth(Truth.active(underUnit: "X02")))
        #expect(report.path.map(\.code) == ["P01", "X02"])
        #expect(report.children.map(\.node.code).sorted() == ["S03", "S04"])
    }

    @Test func districtRecursesThroughCommunes() throws {
        let report = try engine.report(for: try engine.node(code: "D01"), asOf: asOf)
        try check(report.figures, truth(Truth.active(underUnit: "D01")))
        #expect(report.children.map(\.node.code) == ["X04", "X05"])
        #expect(report.figures.attendance.schoolsTotal == 2)
    }

    @Test func school() throws {
        let report = try engine.report(for: try engine.node(code: "S01"), asOf: asOf)
        try check(report.figures, truth(Truth.school("S01")))
        #expect(report.figures.connectivity.status == .good)
        #expect(report.children.map(\.node.code) == ["S01/1A", "S01/3A", "S01/5A"])
        #expect(report.path.map(\.code) == ["P01", "X01", "S01"])
        let intake = report.figures.enrollment.intake
        #expect(intake.map(\.grade) == [1] && intake.first?.planned == 30)
        #expect(intake.first?.enrolled == (try truth(Truth.school("S01"), classFilter: Truth.classFilter(school: "S01", className: "1A")).enrolled()))
        let teachers = try SQLiteCLI.int(path, "SELECT count(*) FROM teachers WHERE school_id = 1 AND active = 1")
        #expect(report.figures.enrollment.teachers == teachers)
    }

    @Test func schoolClass() throws {
        let node = try engine.node(code: "S01/3A")
        #expect(node.level == .class)
        let report = try engine.report(for: node, asOf: asOf)
        try check(report.figures, truth(Truth.school("S01"), classFilter: Truth.classFilter(school: "S01", className: "3A")),
                  schoolLevel: false)
        #expect(report.children.isEmpty)
        #expect(report.figures.devices == DeviceFigures())
        #expect(report.figures.connectivity.status == .good)
        #expect(report.path.map(\.code) == ["P01", "X01", "S01", "S01/3A"])
    }

    @Test func childrenOfSchoolMatchClassesSQL() throws {
        let report = try engine.report(for: try engine.node(code: "S02"), asOf: asOf)
        for child in report.children {
            let name = child.node.name
            let t = truth(Truth.school("S02"), classFilter: Truth.classFilter(school: "S02", className: name))
            #expect(child.attendance.enrolled == (try t.enrolled()))
            #expect(child.attendance.present == (try t.statuses())["present", default: 0])
        }
        #expect(report.children.reduce(0) { $0 + $1.attendance.enrolled } == report.figures.attendance.enrolled)
    }

    @Test func trendPointsMatchSQL() throws {
        let report = try engine.report(for: nil, asOf: asOf)
        let active = "SELECT id FROM schools WHERE status = 'active'"
        // A past day counts every row the snapshot has for it, late corrections included.
        let pastDay = "2025-10-06"
        let point = try #require(report.figures.attendance.trend.first { $0.day == pastDay })
        let past = Truth(path: path, day: pastDay, asOf: "9999-12-31T23:59:59Z", schools: active, classFilter: "")
        let s = try past.statuses()
        let reported = s.values.reduce(0, +)
        #expect(abs((point.rate ?? -1) - Double(s["present", default: 0] + s["late", default: 0]) / Double(reported)) < 1e-12)
        #expect(abs((point.completeness ?? -1) - Double(reported) / Double(try past.enrolled())) < 1e-12)
        let corrections = try SQLiteCLI.int(path, "SELECT count(*) FROM attendance WHERE day = '\(pastDay)' AND recorded_at > '\(AnalyticsFixtures.richAsOf)'")
        #expect(corrections > 0)  // the fixture really has late corrections on that day
        // The report day's point is cut at as-of, like the headline figures.
        let todayPoint = try #require(report.figures.attendance.trend.last)
        #expect(todayPoint.day == "2025-10-08")
        #expect(todayPoint.rate == report.figures.attendance.rate)
        #expect(todayPoint.completeness == report.figures.attendance.completeness)
    }

    @Test func trendAloneEqualsTheReportTrend() throws {
        let node = try engine.node(code: "X01")
        #expect(try engine.trend(for: node, asOf: asOf) == (try engine.report(for: node, asOf: asOf)).figures.attendance.trend)
        #expect(try engine.trend(for: nil, asOf: asOf).count == 22)
    }

    @Test func trendCanBeSkipped() throws {
        let full = try engine.report(for: nil, asOf: asOf)
        var lean = try engine.report(for: nil, asOf: asOf, includeTrend: false)
        #expect(lean.figures.attendance.trend.isEmpty)
        lean.figures.attendance.trend = full.figures.attendance.trend
        #expect(lean == full)
    }
}
