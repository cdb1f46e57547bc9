@testable import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import ConsoleTesting
import Testing

/// Screen goldens: the whole frame (text and style runs) for each view at 60×16, 80×24 and 200×60, both languages.
/// Re-record after an intended change with `EDUIOC_RECORD_GOLDENS=1 swift test --filter ScreenGolden` (that run
/// fails by design, showing every diff), read the files, then run again without it.
@Suite("Screen goldens")
struct ScreenGoldenTests {
    enum View: String, CaseIterable {
        case province, commune, school, `class`, help, filter, search, jump, alerts, stale
    }

    static let sizes = [Size(columns: 60, rows: 16), Size(columns: 80, rows: 24), Size(columns: 200, rows: 60)]

    /// Builds the state for a view by driving `update` exactly as a user would.
    static func state(_ view: View, size: Size, language: Language) -> AppState {
        var state = AppState(language: language, themeNames: ["default"], size: size, now: ReportFixtures.asOf.addingTimeInterval(240))
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.provinceReport()))
        switch view {
        case .province: break
        case .commune:
            _ = state.update(.key(.enter))
            _ = state.update(.reportLoaded(generation: state.requestedGeneration,
                                           ReportFixtures.communeReport(ReportFixtures.communes[1])))
        case .school, .class:
            _ = state.update(.navigate(to: ReportFixtures.schools[0]))
            _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.schoolReport()))
            if view == .class {
                _ = state.update(.key(.enter))
                _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.classReport()))
            }
        case .help: _ = state.update(.key(.character("?")))
        case .filter:
            _ = state.update(.key(.character("/")))
            for c in "dak" { _ = state.update(.key(.character(c))) }
            _ = state.update(.key(.tab))
        case .search:
            _ = state.update(.searchIndexLoaded(ReportFixtures.searchIndex()))
            _ = state.update(.key(.character("/")))
            for c in "nguyen" { _ = state.update(.key(.character(c))) }
        case .jump:
            _ = state.update(.searchIndexLoaded(ReportFixtures.searchIndex()))
            _ = state.update(.key(.character(":")))
            for c in "school thcs" { _ = state.update(.key(.character(c))) }
        case .alerts:
            _ = state.update(.searchIndexLoaded(ReportFixtures.searchIndex()))
            _ = state.update(.key(.character("a")))
        case .stale:
            state.staleAfterMinutes = 2
        }
        return state
    }

    @Test(arguments: View.allCases)
    func golden(_ view: View) throws {
        var checks: [(golden: GoldenFile, actual: String)] = []
        for size in Self.sizes {
            for language in Language.allCases {
                let state = Self.state(view, size: size, language: language)
                let backend = TestBackend(size: size, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
                backend.present(DashboardRenderer.render(state, capabilities: backend.capabilities), theme: Theme(name: "default"))
                checks.append((GoldenFile("\(view.rawValue)-\(size.columns)x\(size.rows)-\(language.rawValue).golden",
                                          testFile: #filePath), backend.golden()))
            }
        }
        try GoldenFile.verifyAll(checks)
    }

    @Test(arguments: View.allCases)
    func asciiFallbackUsesNoUnicodeDrawing(_ view: View) {
        let state = Self.state(view, size: Size(columns: 80, rows: 24), language: .vi)
        let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .none, unicode: false))
        let drawing = Set("─│┌┐└┘●◐✕⚠‼▁▂▃▄▅▆▇█▏▲▼…›")
        let found = frame.text.filter { drawing.contains($0) }
        #expect(found.isEmpty, "Unicode drawing in ASCII mode: \(Set(found))\n\(frame.text)")
        if view == .school { #expect(frame.text.contains("Trường THCS Nguyễn Trãi"), "names keep their diacritics") }
    }

    @Test func tooSmallShowsAMessageAndRecovers() {
        var state = Self.state(.province, size: Size(columns: 50, rows: 12), language: .en)
        var frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        #expect(frame.text.contains("Window too small"))
        _ = state.update(.resize(Size(columns: 80, rows: 24)))
        frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        #expect(!frame.text.contains("Window too small"))
        #expect(frame.text.contains("Attendance"))
    }
}
