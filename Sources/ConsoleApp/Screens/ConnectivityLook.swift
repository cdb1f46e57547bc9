import ReportModel
import ConsoleCore

/// How connectivity states and alerts look: core status glyphs plus labels, so meaning never rests on colour.
enum ConnectivityLook {
    /// The core status glyph for a connectivity state.
    static func status(_ status: ConnectivityStatus) -> StatusGlyph {
        switch status {
        case .good: return .good
        case .moderate: return .moderate
        case .offline: return .offline
        case .unknown: return .unknown
        }
    }

    /// The glyph for a connectivity state.
    static func glyph(_ status: ConnectivityStatus, _ glyphs: Glyphs) -> String { Self.status(status).glyph(glyphs) }

    /// The style role for a connectivity state.
    static func role(_ status: ConnectivityStatus) -> StyleRole { Self.status(status).role }

    /// The label of a connectivity state.
    static func label(_ status: ConnectivityStatus, _ language: Language) -> String {
        switch status {
        case .good: return UIText.good.in(language)
        case .moderate: return UIText.moderate.in(language)
        case .offline: return UIText.offline.in(language)
        case .unknown: return UIText.unknown.in(language)
        }
    }

    /// The warning sign shown before alert counts.
    static func warning(_ glyphs: Glyphs) -> String { glyphs.isUnicode ? "⚠" : "!" }
}
