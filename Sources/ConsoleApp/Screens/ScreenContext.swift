import Analytics
import ConsoleCore
import Foundation

/// What every view needs besides its data: language, glyph set, clock and timezone.
struct ScreenContext {
    let language: Language
    let glyphs: Glyphs
    let now: Date
    /// The instant the figures on screen are for (the report's as-of), for "since" times.
    let asOf: Date
    let timeZone: TimeZone
    let attendanceBands: RateBands
    let completenessBands: RateBands
    /// The scope's search index, for the place (unit) of an alert's school; nil until loaded.
    let searchIndex: SearchIndex?
    /// The code of the node on screen (an alert's place is left out when it is this node).
    let currentCode: String?

    init(state: AppState, capabilities: TerminalCapabilities) {
        language = state.language
        glyphs = Glyphs.for(capabilities)
        now = state.now
        asOf = state.report?.asOf ?? state.now
        timeZone = state.timeZone
        attendanceBands = state.attendanceBands
        completenessBands = state.completenessBands
        searchIndex = state.searchIndex
        currentCode = state.current.node?.code ?? state.report?.path.first?.code
    }

    /// Shorthand for a UI string in the current language.
    func t(_ text: UIText) -> String { text.in(language) }
}
