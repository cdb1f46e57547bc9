import ReportModel
import ConsoleCore
import Foundation

/// Words an alert in the UI language from its kind and figures (the engine's English message is for reports):
/// how bad (glyph and role by severity), where (the school's unit), and for how long.
enum AlertText {
    /// A short description, e.g. "mất kết nối 2 giờ 15 phút (từ 13:14)" or "Tỉ lệ đi học thấp 78,0% (< 80%)".
    static func describe(_ alert: Alert, _ context: ScreenContext) -> String {
        let lang = context.language
        let value = alert.value, threshold = alert.threshold
        switch alert.kind {
        case .schoolOffline:
            guard let minutes = value else { return UIText.offline.in(lang) }
            let since = context.asOf.addingTimeInterval(-minutes * 60)
            return "\(UIText.offlineFor.in(lang)) \(Formats.duration(minutes: Int(minutes), lang))"
                + " (\(UIText.sinceWord.in(lang)) \(Formats.clock(since, context.timeZone)))"
        case .lowAttendance:
            return "\(UIText.alertLowAttendance.in(lang)) \(Formats.percent(value, lang))" + bound("<", threshold, lang)
        case .lowCompleteness:
            return "\(UIText.alertLowCompleteness.in(lang)) \(Formats.percent(value, digits: 0, lang))" + bound("<", threshold, lang)
        case .chronicAbsence:
            return "\(UIText.alertChronicAbsence.in(lang)) \(Formats.percent(value, lang))" + bound(">", threshold, lang)
        case .snapshotStale:
            let age = value.map { " " + Formats.duration(minutes: Int($0), lang) } ?? ""
            return UIText.alertSnapshotStale.in(lang) + age
        }
    }

    /// "Trường X (Xã Y)": the school with the unit it belongs to, unless that unit is the node on screen.
    static func subject(_ alert: Alert, _ context: ScreenContext) -> String {
        guard alert.node.level == .school || alert.node.level == .class,
              let unit = context.searchIndex?.entry(code: alert.node.code)?.path.last(where: { $0.level != .school }),
              unit.code != context.currentCode, unit.level != .province
        else { return alert.node.name }
        return "\(alert.node.name) (\(unit.name))"
    }

    /// The glyph of a severity: critical ‼ (ASCII "!!"), warning ⚠ (ASCII "!"): shape, not only colour.
    static func glyph(_ severity: AlertSeverity, _ glyphs: Glyphs) -> String {
        switch severity {
        case .critical: return glyphs.isUnicode ? "‼" : "!!"
        case .warning: return glyphs.isUnicode ? "⚠" : "!"
        }
    }

    /// The style role of a severity.
    static func role(_ severity: AlertSeverity) -> StyleRole { severity == .critical ? .crit : .warn }

    /// The style role of an alert.
    static func role(_ alert: Alert) -> StyleRole { role(alert.severity) }

    /// How long the condition has lasted, in minutes, when the alert says (offline, stale).
    static func durationMinutes(_ alert: Alert) -> Double? {
        switch alert.kind {
        case .schoolOffline, .snapshotStale: return alert.value
        case .lowAttendance, .lowCompleteness, .chronicAbsence: return nil
        }
    }

    /// Most severe first, then longest lasting, otherwise the engine's order.
    static func sorted(_ alerts: [Alert]) -> [Alert] {
        alerts.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let da = durationMinutes(a.element) ?? -1, db = durationMinutes(b.element) ?? -1
            if da != db { return da > db }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func bound(_ op: String, _ threshold: Double?, _ lang: Language) -> String {
        threshold.map { " (\(op) \(Formats.percent($0, digits: 0, lang)))" } ?? ""
    }
}
