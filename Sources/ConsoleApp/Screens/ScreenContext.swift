import ReportModel
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
    /// What changed at the last refresh that changed anything (nil: nothing to compare), and whether it is fresh.
    let changes: ReportChanges?
    let highlighting: Bool

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
        changes = state.changes
        highlighting = state.isHighlighting
    }

    /// " ▲ +0,4 điểm" after a figure that moved at the last change (highlighted while fresh); nil if it did not.
    func delta(_ figure: HeadlineFigure) -> Span? {
        guard let delta = changes?.headline[figure] else { return nil }
        let text = " " + Formats.delta(delta, fraction: figure.isFraction, language, unicode: glyphs.isUnicode)
        if highlighting { return Span(text + " ", role: .changed, bold: true) }
        return Span(text, role: (delta > 0) == figure.higherIsBetter ? .ok : .crit)
    }

    /// Shorthand for a UI string in the current language.
    func t(_ text: UIText) -> String { text.in(language) }
}
