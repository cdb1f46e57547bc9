import Analytics
import ConsoleCore

/// The one point where text from the database is made safe for the screen: every name and message in a
/// report passes `TextSanitizer` (control, C1 and bidi characters dropped, NFC) before it reaches state.
enum ReportSanitizer {
    /// The report with every string sanitised.
    static func clean(_ report: NodeReport) -> NodeReport {
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
        return report
    }

    /// The node with a sanitised name and code.
    static func clean(_ node: NodeRef) -> NodeRef {
        var node = node
        node.name = TextSanitizer.sanitize(node.name)
        node.code = TextSanitizer.sanitize(node.code)
        return node
    }

    /// The search index with every name and code sanitised.
    static func clean(_ index: SearchIndex) -> SearchIndex {
        SearchIndex(entries: index.entries.map { SearchEntry(node: clean($0.node), path: $0.path.map(clean)) })
    }

    private static func clean(_ figures: NodeFigures) -> NodeFigures {
        var figures = figures
        figures.node = clean(figures.node)
        figures.connectivity.offlineSchools = figures.connectivity.offlineSchools.map { outage in
            var outage = outage
            outage.school = clean(outage.school)
            return outage
        }
        return figures
    }
}
