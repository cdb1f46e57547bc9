import Foundation
import ReportModel
import SectorData

/// The machine-readable form of a report (`eduioc report --json`, exports). Counts are integers, rates are
/// fractions 0–1 or null when undefined; instants are UTC `YYYY-MM-DDTHH:MM:SSZ`; days `YYYY-MM-DD`. Every figure
/// the console shows is here; the keys are documented in docs/REPORT-JSON.md and do not change within a major
/// version.
public enum ReportJSON {
    /// The report as a JSON object tree (NSNull for undefined values), with the data-quality section when given.
    public static func object(_ report: NodeReport, dataQuality: DataQualityReport? = nil) -> [String: Any] {
        let a = report.figures.attendance
        var object = family(report.figures)
        object["as_of"] = SnapshotTime.format(report.asOf)
        object["published_at"] = report.publishedAt.map { SnapshotTime.format($0) as Any } ?? NSNull()
        object["clock_skew_seconds"] = report.clockSkewSeconds.map { $0 as Any } ?? NSNull()
        object["day"] = a.day
        object["is_school_day"] = a.isAsOfSchoolDay
        object["before_school_year"] = a.isBeforeSchoolYear
        object["path"] = report.path.map(node)
        object["alerts"] = report.alerts.map { alert -> [String: Any] in
            ["kind": alert.kind.rawValue, "severity": alert.severity.rawValue, "node_code": alert.node.code,
             "message": alert.message, "value": number(alert.value), "threshold": number(alert.threshold)]
        }
        object["children"] = report.children.map(family)
        if let dataQuality { object["data_quality"] = Self.dataQuality(dataQuality) }
        return object
    }

    /// Pretty-printed UTF-8 JSON with sorted keys.
    public static func data(_ report: NodeReport, dataQuality: DataQualityReport? = nil) throws -> Data {
        try JSONSerialization.data(withJSONObject: object(report, dataQuality: dataQuality),
                                   options: [.prettyPrinted, .sortedKeys])
    }

    /// The `data_quality` section: rows left out per school and reason, and duplicated codes.
    public static func dataQuality(_ q: DataQualityReport) -> [String: Any] {
        [
            "days_checked": q.days,
            "rows_left_out": q.rowsLeftOut,
            "rows_by_reason": Dictionary(uniqueKeysWithValues: AttendanceRowProblem.allCases.map {
                ($0.rawValue, q.rowsByProblem[$0] ?? 0)
            }),
            "schools": q.entries.map { e -> [String: Any] in
                ["school_code": e.school.map { $0.code as Any } ?? NSNull(),
                 "school_name": e.school.map { $0.name as Any } ?? NSNull(),
                 "school_id": e.schoolID, "reason": e.problem.rawValue, "rows": e.rows,
                 "first_day": e.firstDay, "last_day": e.lastDay]
            },
            "duplicate_codes": q.duplicateCodes,
        ]
    }

    private static func node(_ n: NodeRef) -> [String: Any] {
        ["kind": n.level.rawValue, "code": n.code, "name": n.name]
    }

    private static func family(_ f: NodeFigures) -> [String: Any] {
        let a = f.attendance, e = f.enrollment, d = f.devices, c = f.connectivity
        return [
            "node": node(f.node),
            "attendance": [
                "enrolled": a.enrolled, "present": a.present, "late": a.late, "excused": a.excused,
                "unexcused": a.unexcused, "unreported": a.unreported, "reported": a.reported, "rate": number(a.rate),
                "completeness": number(a.completeness), "schools_reporting": a.schoolsReporting,
                "schools_total": a.schoolsTotal, "chronic_absent": a.chronicAbsent,
                "school_days_so_far": a.schoolDaysSoFar, "rows_left_out": a.rowsLeftOut,
                "trend": a.trend.map { ["day": $0.day, "rate": number($0.rate), "completeness": number($0.completeness)] },
            ] as [String: Any],
            "enrollment": [
                "enrolled": e.enrolled, "female": e.female, "male": e.male, "joined": e.joined, "left": e.left,
                "left_by_reason": e.leftByReason,
                "by_level": e.byLevel,
                "by_grade": Dictionary(uniqueKeysWithValues: e.byGrade.map { (String($0.key), $0.value) }),
                "intake": e.intake.map { ["grade": $0.grade, "planned": $0.planned, "enrolled": $0.enrolled] },
                "teachers": e.teachers, "pupil_teacher_ratio": number(e.pupilTeacherRatio),
            ] as [String: Any],
            "devices": [
                "computers_working": d.computersWorking, "computers_total": d.computersTotal,
                "learners_per_computer": number(d.learnersPerComputer),
                "projectors_and_displays_working": d.projectorsWorking,
                "projectors_and_displays_per_class": number(d.projectorsPerClass),
                "projectors_working": d.projectorsWorking,  // kept for earlier readers: projectors and displays
                "cameras_online": d.camerasOnline, "cameras_total": d.camerasTotal,
                "gates_online": d.gatesOnline, "gates_total": d.gatesTotal,
                "by_kind_and_status": d.byKindAndStatus,
            ] as [String: Any],
            "connectivity": [
                "good": c.good, "moderate": c.moderate, "offline": c.offline, "unknown": c.unknown,
                "status": c.status.map { $0.rawValue as Any } ?? NSNull(),
                "median_download_mbps": number(c.medianDownloadMbps), "median_latency_ms": number(c.medianLatencyMs),
                "offline_schools": c.offlineSchools.map { o -> [String: Any] in
                    ["code": o.school.code, "name": o.school.name,
                     "since": o.since.map { SnapshotTime.format($0) as Any } ?? NSNull()]
                },
            ] as [String: Any],
        ]
    }

    private static func number(_ value: Double?) -> Any {
        value.map { $0 as Any } ?? NSNull()
    }
}
