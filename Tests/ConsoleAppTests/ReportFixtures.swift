@testable import Analytics
import Foundation

/// Hand-built reports for pure state tests (no database involved: `update` only sees value types).
enum ReportFixtures {
    static let asOf = Date(timeIntervalSince1970: 1_795_417_200)  // 2026-11-23T07:00:00Z

    static func figures(_ node: NodeRef, enrolled: Int = 100, present: Int = 90, schools: Int = 1) -> NodeFigures {
        NodeFigures(
            node: node,
            attendance: AttendanceFigures(
                day: "2026-11-23", isAsOfSchoolDay: true, enrolled: enrolled, present: present, late: 2,
                excused: 3, unexcused: 1, unreported: max(0, enrolled - present - 6),
                rate: Double(present + 2) / Double(present + 6), completeness: Double(present + 6) / Double(enrolled),
                schoolsReporting: schools, schoolsTotal: schools, chronicAbsent: 1,
                trend: [DayRate(day: "2026-11-21", rate: 0.95, completeness: 1)]),
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
                   alerts: [Alert(kind: .schoolOffline, node: schools[1], message: "offline")])
    }

    static func communeReport(_ unit: NodeRef) -> NodeReport {
        NodeReport(asOf: asOf, publishedAt: asOf, path: [province, unit], figures: figures(unit),
                   children: schools.map { figures($0) }, alerts: [])
    }
}
