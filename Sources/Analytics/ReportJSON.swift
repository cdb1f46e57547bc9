import Foundation
import SectorData

/// The machine-readable form of a report (`eduioc report --json`, exports). Counts are integers, rates are
/// fractions 0–1 or null when undefined; instants are UTC `YYYY-MM-DDTHH:MM:SSZ`.
public enum ReportJSON {
    /// The report as a JSON object tree (NSNull for undefined rates), keys as in issue 3 plus `day`,
    /// `is_school_day` and `before_school_year`.
    public static func object(_ report: NodeReport) -> [String: Any] {
        let a = report.figures.attendance
        var object = family(report.figures)
        object["as_of"] = SnapshotTime.format(report.asOf)
        object["day"] = a.day
        object["is_school_day"] = a.isAsOfSchoolDay
        object["before_school_year"] = a.isBeforeSchoolYear
        object["alerts"] = report.alerts.map { alert -> [String: Any] in
            ["kind": alert.kind.rawValue, "node_code": alert.node.code, "message": alert.message]
        }
        object["children"] = report.children.map(family)
        return object
    }

    /// Pretty-printed UTF-8 JSON with sorted keys.
    public static func data(_ report: NodeReport) throws -> Data {
        try JSONSerialization.data(withJSONObject: object(report), options: [.prettyPrinted, .sortedKeys])
    }

    private static func family(_ f: NodeFigures) -> [String: Any] {
        let a = f.attendance, e = f.enrollment, d = f.devices, c = f.connectivity
        return [
            "node": ["kind": f.node.level.rawValue, "code": f.node.code, "name": f.node.name],
            "attendance": [
                "enrolled": a.enrolled, "present": a.present, "late": a.late, "excused": a.excused,
                "unexcused": a.unexcused, "unreported": a.unreported, "rate": number(a.rate),
                "completeness": number(a.completeness), "schools_reporting": a.schoolsReporting,
                "schools_total": a.schoolsTotal,
            ] as [String: Any],
            "enrollment": ["enrolled": e.enrolled, "female": e.female, "male": e.male, "joined": e.joined, "left": e.left],
            "devices": [
                "computers_working": d.computersWorking, "computers_total": d.computersTotal,
                "learners_per_computer": number(d.learnersPerComputer), "projectors_working": d.projectorsWorking,
                "cameras_online": d.camerasOnline, "cameras_total": d.camerasTotal,
            ] as [String: Any],
            "connectivity": ["good": c.good, "moderate": c.moderate, "offline": c.offline, "unknown": c.unknown],
        ]
    }

    private static func number(_ value: Double?) -> Any {
        value.map { $0 as Any } ?? NSNull()
    }
}
