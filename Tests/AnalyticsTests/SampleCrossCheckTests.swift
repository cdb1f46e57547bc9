import Analytics
import Foundation
import ReportModel
import SectorData
import Testing
import TestSupport

/// The generated sample province (SampleProvince via TestSupport) cross-checked against independent sqlite3 SQL:
/// the province, one commune, one school and one class.
@Suite struct SampleCrossCheckTests {
    let path: String
    let engine: AnalyticsEngine
    let asOf = SampleFixtures.mondayMorning
    let asOfText: String
    let day: String

    init() async throws {
        let url = try await SampleFixtures.snapshot(schools: 30, seed: 7, historyDays: 12)
        path = url.path
        engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url))  // the production opener
        let formatter = ISO8601DateFormatter()
        asOfText = formatter.string(from: asOf)
        // The report day, independently: the last school day on or before the as-of local date.
        let zone = try SQLiteCLI.rows(path, "SELECT value FROM meta WHERE key = 'timezone'")[0][0]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        let c = calendar.dateComponents([.year, .month, .day], from: asOf)
        let localDay = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        day = try SQLiteCLI.rows(path, "SELECT max(day) FROM school_days WHERE day <= '\(localDay)'")[0][0]
    }

    func truth(_ schools: String, classFilter: String = "") -> Truth {
        Truth(path: path, day: day, asOf: asOfText, schools: schools, classFilter: classFilter)
    }

    func check(_ f: NodeFigures, _ t: Truth, schoolLevel: Bool = true) throws {
        let a = f.attendance, s = try t.statuses()
        #expect(a.day == day)
        #expect(a.enrolled == (try t.enrolled()))
        #expect(a.present == s["present", default: 0])
        #expect(a.late == s["late", default: 0])
        #expect(a.excused == s["excused", default: 0])
        #expect(a.unexcused == s["unexcused", default: 0])
        #expect(a.unreported == (try t.enrolled()) - s.values.reduce(0, +))
        #expect(f.enrollment.female == (try t.female()))
        #expect(f.enrollment.male == (try t.male()))
        #expect(f.enrollment.joined == (try t.joined()))
        #expect(f.enrollment.left == (try t.left()))
        #expect(a.chronicAbsent == (try t.chronic()))
        guard schoolLevel else { return }
        #expect(a.schoolsReporting == (try t.schoolsReporting()))
        let seenFrom = ISO8601DateFormatter().string(from: asOf.addingTimeInterval(-15 * 60))
        let d = try t.devices(seenFrom: seenFrom)
        #expect(f.devices.computersWorking == d["computers_working"])
        #expect(f.devices.computersTotal == d["computers_total"])
        #expect(f.devices.projectorsWorking == d["projectors_working"])
        #expect(f.devices.camerasTotal == d["cameras_total"])
        #expect(f.devices.camerasOnline == d["cameras_online"])
        let c = try t.connectivity(benchmark: 20, freshFrom: seenFrom)
        #expect(f.connectivity.good == c["good", default: 0])
        #expect(f.connectivity.moderate == c["moderate", default: 0])
        #expect(f.connectivity.offline == c["offline", default: 0])
        #expect(f.connectivity.unknown == c["unknown", default: 0])
    }

    @Test func provinceCommuneSchoolClass() throws {
        let province = try engine.report(for: nil, asOf: asOf)
        try check(province.figures, truth("SELECT id FROM schools WHERE status = 'active'"))
        // The sample is lively enough for the comparison to mean something.
        let pf = province.figures
        #expect(pf.attendance.present > 0 && pf.attendance.excused + pf.attendance.unexcused > 0 && pf.attendance.unreported > 0)
        #expect(pf.attendance.chronicAbsent > 0 && pf.enrollment.left > 0)
        #expect([pf.connectivity.good, pf.connectivity.moderate, pf.connectivity.offline, pf.connectivity.unknown].filter { $0 > 0 }.count >= 2)
        #expect(province.children.reduce(0) { $0 + $1.attendance.enrolled } == pf.attendance.enrolled)

        let unit = try #require(province.children.first { $0.node.level == .unit && $0.attendance.schoolsTotal > 0 })
        let unitReport = try engine.report(for: unit.node, asOf: asOf)
        try check(unitReport.figures, truth(Truth.active(underUnit: unit.node.code)))

        let school = try #require(unitReport.children.first { $0.node.level == .school && $0.attendance.enrolled > 0 }
            ?? province.children.first { $0.node.level == .school })
        let schoolReport = try engine.report(for: school.node, asOf: asOf)
        try check(schoolReport.figures, truth(Truth.school(school.node.code)))

        let schoolClass = try #require(schoolReport.children.first)
        let classReport = try engine.report(for: schoolClass.node, asOf: asOf)
        try check(classReport.figures,
                  truth(Truth.school(school.node.code), classFilter: Truth.classFilter(school: school.node.code, className: schoolClass.node.name)),
                  schoolLevel: false)
    }
}
