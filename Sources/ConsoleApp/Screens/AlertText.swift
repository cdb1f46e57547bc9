import Analytics
import ConsoleCore
import Foundation

/// Words an alert in the UI language from its kind and figures (the engine's English message is for reports).
enum AlertText {
    /// A short description, e.g. "mất kết nối từ 06:40" or "đi học 78,0% (< 80%)".
    static func describe(_ alert: Alert, _ context: ScreenContext) -> String {
        let lang = context.language
        let value = alert.value, threshold = alert.threshold
        switch alert.kind {
        case .schoolOffline:
            guard let minutes = value else { return UIText.offline.in(lang) }
            let since = context.asOf.addingTimeInterval(-minutes * 60)
            return "\(UIText.alertSchoolOffline.in(lang).lowercased()) \(Formats.clock(since, context.timeZone))"
        case .lowAttendance:
            return "\(UIText.alertLowAttendance.in(lang)) \(Formats.percent(value, lang))" + bound("<", threshold, lang)
        case .lowCompleteness:
            return "\(UIText.alertLowCompleteness.in(lang)) \(Formats.percent(value, digits: 0, lang))" + bound("<", threshold, lang)
        case .chronicAbsence:
            return "\(UIText.alertChronicAbsence.in(lang)) \(Formats.percent(value, lang))" + bound(">", threshold, lang)
        case .snapshotStale:
            let minutes = value.map { " \(Int($0)) \(UIText.minutesAgo.in(lang))" } ?? ""
            return UIText.alertSnapshotStale.in(lang) + minutes
        }
    }

    /// The style role of an alert.
    static func role(_ alert: Alert) -> StyleRole {
        switch alert.kind {
        case .schoolOffline, .snapshotStale: return .crit
        case .lowAttendance, .lowCompleteness, .chronicAbsence: return .warn
        }
    }

    private static func bound(_ op: String, _ threshold: Double?, _ lang: Language) -> String {
        threshold.map { " (\(op) \(Formats.percent($0, digits: 0, lang)))" } ?? ""
    }
}
