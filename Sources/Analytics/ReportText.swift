import Foundation
import SectorData

/// The human-readable form of a report (`eduioc report`): headline figures, children table, alerts.
/// Every string from the snapshot is sanitised (control and bidi characters dropped, NFC) before output.
public enum ReportText {
    /// Renders a report as plain text lines ending in a newline.
    public static func render(_ report: NodeReport, config: AnalyticsConfig = AnalyticsConfig()) -> String {
        let zone = report.timeZoneIdentifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let f = report.figures, a = f.attendance, e = f.enrollment, d = f.devices, c = f.connectivity
        var out: [String] = []
        out.append("EduIOC report — \(clean(f.node.name)) (\(clean(f.node.code)), \(f.node.detail.map(clean) ?? f.node.level.rawValue))")
        if report.path.count > 1 { out.append("Path: " + report.path.map { clean($0.name) }.joined(separator: " › ")) }
        var asOfLine = "As of \(SnapshotTime.formatDay(report.asOf, in: zone)) \(Timestamps.localClock(report.asOf, in: zone)) (\(zone.identifier))"
        if let published = report.publishedAt {
            let minutes = Int(report.asOf.timeIntervalSince(published) / 60)
            asOfLine += " · snapshot published \(Timestamps.localClock(published, in: zone)) (\(minutes) min before)"
        } else {
            asOfLine += " · snapshot publication time unknown"
        }
        out.append(asOfLine)
        out.append("")
        if a.isBeforeSchoolYear {
            out.append("Attendance: the school year has not started on \(a.asOfDay) — no attendance yet.")
        } else if !a.isAsOfSchoolDay {
            out.append("Attendance: no school on \(a.asOfDay) — showing the last school day, \(a.day):")
        } else {
            out.append("Attendance \(a.day):")
        }
        if !a.isBeforeSchoolYear {
            out.append("  enrolled \(a.enrolled)  present \(a.present)  late \(a.late)  excused \(a.excused)  unexcused \(a.unexcused)  not reported \(a.unreported)")
            let reporting = f.node.level == .class ? "" : "  schools reporting \(a.schoolsReporting)/\(a.schoolsTotal)"
            out.append("  rate \(pct(a.rate))  completeness \(pct(a.completeness))\(reporting)  chronically absent \(a.chronicAbsent)")
            if !a.trend.isEmpty {
                out.append("  trend (\(a.trend.count) school days, oldest first): " + a.trend.map { pct($0.rate, digits: 0) }.joined(separator: " "))
            }
        }
        let left = e.leftByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        out.append("Enrollment: \(e.enrolled) (F \(e.female), M \(e.male))  joined \(e.joined)  left \(e.left)\(left.isEmpty ? "" : " (\(left))")"
                   + (e.teachers > 0 ? "  teachers \(e.teachers), \(num(e.pupilTeacherRatio)) pupils per teacher" : ""))
        if !e.intake.isEmpty {
            out.append("  intake: " + e.intake.map { "grade \($0.grade) \($0.enrolled)/\($0.planned)" }.joined(separator: ", "))
        }
        if f.node.level != .class {
            out.append("Devices: computers \(d.computersWorking)/\(d.computersTotal) working (\(num(d.learnersPerComputer)) learners per computer), projectors \(d.projectorsWorking) working, cameras \(d.camerasOnline)/\(d.camerasTotal) online, gates \(d.gatesOnline)/\(d.gatesTotal) online")
            out.append("Connectivity: good \(c.good), moderate \(c.moderate), offline \(c.offline), unknown \(c.unknown) (benchmark \(num(config.connectivity.benchmarkMbps)) Mbps, profile \(config.connectivity.profile); median \(num(c.medianDownloadMbps)) Mbps, \(num(c.medianLatencyMs)) ms)")
            for school in c.offlineSchools.prefix(10) {
                let since = school.since.map { "since \(SnapshotTime.formatDay($0, in: zone)) \(Timestamps.localClock($0, in: zone))" } ?? "since unknown"
                out.append("  offline: \(clean(school.school.code)) \(clean(school.school.name)) \(since)")
            }
            if c.offlineSchools.count > 10 { out.append("  … and \(c.offlineSchools.count - 10) more offline") }
        } else if let status = c.status {
            out.append("School connectivity: \(status.rawValue)")
        }
        if !report.children.isEmpty {
            out.append("")
            out.append(row(["CODE", "NAME", "ENROLLED", "RATE", "COMPL.", "REPORTING", "COMPUTERS", "GOOD/MOD/OFF/UNK"]))
            for child in report.children {
                let ca = child.attendance, cc = child.connectivity
                out.append(row([
                    clean(child.node.code), clean(child.node.name), "\(ca.enrolled)", pct(ca.rate), pct(ca.completeness),
                    child.node.level == .class ? "" : "\(ca.schoolsReporting)/\(ca.schoolsTotal)",
                    child.node.level == .class ? "" : "\(child.devices.computersWorking)/\(child.devices.computersTotal)",
                    child.node.level == .class ? "" : "\(cc.good)/\(cc.moderate)/\(cc.offline)/\(cc.unknown)",
                ]))
            }
        }
        out.append("")
        if report.alerts.isEmpty {
            out.append("Alerts: none")
        } else {
            out.append("Alerts (\(report.alerts.count)):")
            for alert in report.alerts {
                out.append("  [\(alert.severity.rawValue)] \(alert.kind.rawValue): \(clean(alert.message))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Drops C0, DEL, C1 and bidi control characters and normalises to NFC.
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || (0x200E...0x200F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x061C { continue }
            scalars.append(s)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    private static let widths = [10, 32, 9, 7, 7, 10, 10, 20]

    private static func row(_ cells: [String]) -> String {
        var line = ""
        for (i, cell) in cells.enumerated() {
            let width = i < widths.count ? widths[i] : 10
            var text = cell
            if text.count > width - 1 { text = String(text.prefix(width - 2)) + "…" }
            line += text + String(repeating: " ", count: max(1, width - text.count))
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    private static func pct(_ value: Double?, digits: Int = 1) -> String {
        guard let value else { return "—" }
        return String(format: "%.\(digits)f%%", value * 100)
    }

    private static func num(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }
}
