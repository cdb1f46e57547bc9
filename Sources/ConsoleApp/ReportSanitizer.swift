import ReportModel
import ConsoleCore

/// The one point where text from the database is made safe for the screen: every name and message in a
/// report passes `TextSanitizer` (control, C1 and bidi characters dropped, NFC) before it reaches state, and
/// `eduioc report` applies the same rule before printing text or JSON.
public enum ReportSanitizer {
    /// The report with every string sanitised.
    public static func clean(_ report: NodeReport) -> NodeReport {
        var report = report
        report.path = report.path.map(clean)
        report.figures = clean(report.figures)
        report.children = report.children.map(clean)
        report.alerts = report.alerts.map { alert in
            var alert = alert
            alert.node = clean(alert.node)
            alert.message = TextSanitizer.sanitize(alert.message)
            return alert
        }
        report.schoolsNotReporting = report.schoolsNotReporting.map { entry in
            var entry = entry
            entry.school = clean(entry.school)
            entry.place = entry.place.map(TextSanitizer.sanitize)
            return entry
        }
        return report
    }

    /// The curve with its day texts sanitised (the snapshot's `school_days`).
    static func clean(_ curve: CheckInCurve) -> CheckInCurve {
        var curve = curve
        curve.today.day = TextSanitizer.sanitize(curve.today.day)
        if let day = curve.previousDay?.day { curve.previousDay?.day = TextSanitizer.sanitize(day) }
        if let day = curve.lastWeek?.day { curve.lastWeek?.day = TextSanitizer.sanitize(day) }
        return curve
    }

    /// The data-quality list with every school name and code sanitised.
    public static func clean(_ quality: DataQualityReport) -> DataQualityReport {
        var quality = quality
        for i in quality.entries.indices {
            quality.entries[i].school = quality.entries[i].school.map(clean)
            quality.entries[i].firstDay = TextSanitizer.sanitize(quality.entries[i].firstDay)
            quality.entries[i].lastDay = TextSanitizer.sanitize(quality.entries[i].lastDay)
        }
        quality.duplicateCodes = quality.duplicateCodes.map(TextSanitizer.sanitize)
        quality.days = quality.days.map(TextSanitizer.sanitize)
        return quality
    }

    /// A dictionary whose text keys are sanitised (values of keys that become equal are merged).
    private static func cleanKeys(_ counts: [String: Int]) -> [String: Int] {
        counts.reduce(into: [:]) { $0[TextSanitizer.sanitize($1.key), default: 0] += $1.value }
    }

    private static func cleanKeys(_ nested: [String: [String: Int]]) -> [String: [String: Int]] {
        nested.reduce(into: [:]) { $0[TextSanitizer.sanitize($1.key), default: [:]].merge($1.value, uniquingKeysWith: +) }
    }

    /// The node with a sanitised name and code.
    public static func clean(_ node: NodeRef) -> NodeRef {
        var node = node
        node.name = TextSanitizer.sanitize(node.name)
        node.code = TextSanitizer.sanitize(node.code)
        node.detail = node.detail.map(TextSanitizer.sanitize)
        return node
    }

    /// The search index with every name and code sanitised (each node once; the same storage when none changes).
    static func clean(_ index: SearchIndex) -> SearchIndex {
        index.mapNodes(clean)
    }

    private static func clean(_ figures: NodeFigures) -> NodeFigures {
        var figures = figures
        figures.node = clean(figures.node)
        // Keys written by the snapshot's ETL: school levels, device kinds and statuses, leave reasons.
        figures.enrollment.byLevel = cleanKeys(figures.enrollment.byLevel)
        figures.enrollment.leftByReason = cleanKeys(figures.enrollment.leftByReason)
        figures.devices.byKindAndStatus = cleanKeys(figures.devices.byKindAndStatus.mapValues(cleanKeys))
        figures.connectivity.offlineSchools = figures.connectivity.offlineSchools.map { outage in
            var outage = outage
            outage.school = clean(outage.school)
            return outage
        }
        return figures
    }
}
