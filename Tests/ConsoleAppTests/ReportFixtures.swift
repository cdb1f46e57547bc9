@testable import Analytics
import Foundation
import ReportModel

/// Hand-built reports for pure state tests (no database involved: `update` only sees value types).
enum ReportFixtures {
    static let asOf = Date(timeIntervalSince1970: 1_795_417_200)  // 2026-11-23T07:00:00Z

    static func figures(_ node: NodeRef, enrolled: Int = 100, present: Int = 90, schools: Int = 1) -> NodeFigures {
        NodeFigures(
            node: node,
            attendance: AttendanceFigures(
                day: "2026-11-23", isAsOfSchoolDay: true, enrolled: enrolled, present: present - 3, late: 1,
                excused: 1, unexcused: 1, unreported: enrolled - present,
                rate: Double(present - 2) / Double(present), completeness: Double(present) / Double(enrolled),
                schoolsReporting: schools, schoolsTotal: schools, chronicAbsent: 1,
                trend: trend),
            enrollment: EnrollmentFigures(
                enrolled: enrolled, female: enrolled / 2, male: enrolled - enrolled / 2, byLevel: [:], byGrade: [:],
                joined: 0, left: 0, leftByReason: [:], intake: [], teachers: 5, pupilTeacherRatio: 20),
            devices: DeviceFigures(
                byKindAndStatus: [:], computersWorking: 10, computersTotal: 12, learnersPerComputer: 10,
                projectorsWorking: 2, projectorsPerClass: 0.5, camerasOnline: 1, camerasTotal: 2, gatesOnline: 0,
                gatesTotal: 0),
            connectivity: ConnectivityFigures(
                good: schools, moderate: 0, offline: 0, unknown: 0, medianDownloadMbps: 50, medianLatencyMs: 30,
                offlineSchools: [], status: nil))
    }

    /// 30 school days with a gap (a day nobody reported) and a partial last day.
    static let trend: [DayRate] = (0..<30).map { (i: Int) -> DayRate in
        let day = String(format: "2026-%02d-%02d", 10 + (i + 8) / 30, (i + 8) % 30 + 1)
        let rate: Double? = i == 7 ? nil : 0.9 + Double((i * 7) % 9) / 100
        return DayRate(day: day, rate: rate, completeness: i == 29 ? 0.8 : 1)
    }

    static let province = NodeRef(level: .province, code: "30", name: "Tỉnh Hải Dương")
    static let communes = [
        NodeRef(level: .unit, code: "10507", name: "Xã Thanh Hà", detail: "commune"),
        NodeRef(level: .unit, code: "10510", name: "Phường Nguyễn Trãi", detail: "ward"),
        NodeRef(level: .unit, code: "10513", name: "Xã Đắk Lắk", detail: "commune"),
    ]
    static let schools = [
        NodeRef(level: .school, code: "HD-THCS-0001", name: "Trường THCS Nguyễn Trãi", detail: "lower_secondary"),
        NodeRef(level: .school, code: "HD-TH-0002", name: "Trường Tiểu học Lê Lợi", detail: "primary"),
    ]

    static func provinceReport() -> NodeReport {
        NodeReport(asOf: asOf, publishedAt: asOf, path: [province], figures: figures(province, enrolled: 300, schools: 3),
                   children: communes.enumerated().map { i, unit in figures(unit, enrolled: 100 + i * 50, present: 90 - i * 10) },
                   alerts: [
                       Alert(kind: .lowAttendance, node: schools[1], message: "low", value: 0.806, threshold: 0.9),
                       Alert(kind: .schoolOffline, node: schools[1], message: "offline", value: 135, threshold: 15,
                             severity: .critical),
                       Alert(kind: .lowAttendance, node: schools[0], message: "low", value: 0.786, threshold: 0.8,
                             severity: .critical),
                       Alert(kind: .chronicAbsence, node: schools[0], message: "chronic", value: 0.14, threshold: 0.1),
                       Alert(kind: .schoolOffline, node: schools[0], message: "offline", value: 40, threshold: 15,
                             severity: .critical),
                   ])
    }

    /// The search index of the fixture province: its communes, schools (in Phường Nguyễn Trãi) and classes.
    static func searchIndex() -> SearchIndex {
        SearchIndex(entries: communes.map { SearchEntry(node: $0, path: [province]) }
            + schools.map { SearchEntry(node: $0, path: [province, communes[1]]) }
            + classes.map { SearchEntry(node: $0, path: [province, communes[1], schools[0]]) })
    }

    static func communeReport(_ unit: NodeRef) -> NodeReport {
        NodeReport(asOf: asOf, publishedAt: asOf, path: [province, unit], figures: figures(unit),
                   children: schools.map { figures($0) }, alerts: [])
    }

    static let classes = ["6A1", "6A2", "7A1", "8A1", "9A1"].map {
        NodeRef(level: .class, code: "HD-THCS-0001/\($0)", name: $0)
    }

    static func schoolReport() -> NodeReport {
        var school = figures(schools[0], enrolled: 180, present: 160)
        school.connectivity.status = .offline
        school.connectivity.offline = 1
        school.connectivity.good = 0
        return NodeReport(asOf: asOf, publishedAt: asOf.addingTimeInterval(-180),
                          path: [province, communes[1], schools[0]], figures: school,
                          children: classes.enumerated().map { i, c in
                              var f = figures(c, enrolled: 36, present: 30 + i)
                              f.connectivity.status = .offline
                              return f
                          },
                          alerts: [Alert(kind: .schoolOffline, node: schools[0], message: "offline", value: 25)])
    }

    static func classReport() -> NodeReport {
        NodeReport(asOf: asOf, publishedAt: asOf, path: [province, communes[1], schools[0], classes[0]],
                   figures: figures(classes[0], enrolled: 36, present: 33), children: [], alerts: [])
    }
}
