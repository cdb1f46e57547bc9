import Foundation
import ReportModel
import SectorData

/// Turns a school's tally and link state into alerts, per the configured local policy.
struct AlertRules {
    let config: AnalyticsConfig
    let day: ReportDay
    let zone: TimeZone
    let asOf: Date
    let publishedAt: Date?
    /// Whether the completeness alert applies at as-of (past the configured local time): once per report.
    let completenessDue: Bool

    init(config: AnalyticsConfig, day: ReportDay, zone: TimeZone, asOf: Date, publishedAt: Date?) {
        self.config = config
        self.day = day
        self.zone = zone
        self.asOf = asOf
        self.publishedAt = publishedAt
        completenessDue = config.attendance.completenessAfterMinutes
            .map { Timestamps.localMinuteOfDay(asOf, in: zone) >= $0 } ?? false
    }

    /// A stale (or undated) snapshot, reported against the user's root node.
    func snapshotAlerts(root: NodeRef) -> [Alert] {
        let limit = Double(config.snapshot.staleAfterMinutes)
        guard let publishedAt else {
            return [Alert(kind: .snapshotStale, node: root, message: "Snapshot publication time is unknown",
                          value: nil, threshold: limit, severity: .critical)]
        }
        let age = asOf.timeIntervalSince(publishedAt) / 60
        guard age > limit else { return [] }
        return [Alert(kind: .snapshotStale, node: root,
                      message: "Snapshot is \(Int(age)) min old (published \(SnapshotTime.format(publishedAt)), limit \(Int(limit)) min)",
                      value: age, threshold: limit, severity: .critical)]
    }

    /// Alerts for one active school (`school` is evaluated only for an alert).
    func schoolAlerts(_ school: @autoclosure () -> NodeRef, _ t: Tally, link: ReportBuilder.LinkState) -> [Alert] {
        var alerts: [Alert] = []
        func label(_ ref: NodeRef) -> String { "\(ref.name) (\(ref.code))" }
        if link.status == .offline {
            let minutes = link.since.map { max(0, asOf.timeIntervalSince($0) / 60) }
            let when = link.since.map { "since \(SnapshotTime.formatDay($0, in: zone)) \(Timestamps.localClock($0, in: zone))" } ?? "(start unknown)"
            let ref = school()
            alerts.append(Alert(kind: .schoolOffline, node: ref, message: "\(label(ref)) is offline \(when)",
                                value: minutes, threshold: Double(config.connectivity.offlineAfterMinutes),
                                severity: .critical))
        }
        if day.isAsOfSchoolDay {
            let p = config.attendance
            if t.reported >= max(1, p.minReported) {
                let rate = Double(t.present + t.late) / Double(t.reported)
                if rate < p.rateWarn {
                    let critical = rate < p.rateCritical
                    let limit = critical ? p.rateCritical : p.rateWarn
                    let ref = school()
                    alerts.append(Alert(kind: .lowAttendance, node: ref,
                                        message: "\(label(ref)): attendance \(Self.percent(rate)) below \(Self.percent(limit))",
                                        value: rate, threshold: limit, severity: critical ? .critical : .warning))
                }
            }
            if completenessDue, t.enrolled > 0 {
                let completeness = Double(t.reported) / Double(t.enrolled)
                if completeness < p.completenessWarn {
                    let ref = school()
                    alerts.append(Alert(kind: .lowCompleteness, node: ref,
                                        message: "\(label(ref)): only \(Self.percent(completeness)) of students reported after \(p.completenessAfter)",
                                        value: completeness, threshold: p.completenessWarn, severity: .warning))
                }
            }
        }
        let c = config.chronicAbsence
        if !day.isBeforeSchoolYear, t.enrolled > 0, t.enrolled >= c.minEnrolled {
            let share = Double(t.chronic) / Double(t.enrolled)
            if share > c.shareWarn {
                let ref = school()
                alerts.append(Alert(kind: .chronicAbsence, node: ref,
                                    message: "\(label(ref)): \(Self.percent(share)) of students chronically absent (above \(Self.percent(c.shareWarn)))",
                                    value: share, threshold: c.shareWarn, severity: .warning))
            }
        }
        return alerts
    }

    /// Most severe first; then stale, offline, attendance, completeness, chronic; then worst value; then code.
    static func sorted(_ alerts: [Alert]) -> [Alert] {
        let kindOrder: [AlertKind: Int] = [.snapshotStale: 0, .schoolOffline: 1, .lowAttendance: 2,
                                           .lowCompleteness: 3, .chronicAbsence: 4]
        func badness(_ a: Alert) -> Double {
            switch a.kind {
            case .snapshotStale, .schoolOffline, .chronicAbsence: return -(a.value ?? .infinity)
            case .lowAttendance, .lowCompleteness: return a.value ?? 0
            }
        }
        return alerts.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            let ka = kindOrder[a.kind] ?? 9, kb = kindOrder[b.kind] ?? 9
            if ka != kb { return ka < kb }
            let va = badness(a), vb = badness(b)
            if va != vb { return va < vb }
            return a.node.code < b.node.code
        }
    }

    static func percent(_ value: Double) -> String {
        // What `String(format: "%.0f%%", value * 100)` prints (ties to even), without its cost per alert.
        let whole = (value * 100).rounded(.toNearestOrEven)
        return whole.isFinite && abs(whole) < 1e15 ? "\(Int(whole))%" : String(format: "%.0f%%", value * 100)
    }
}
