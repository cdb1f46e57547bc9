@testable import Analytics
import ConsoleApp
import ConsoleCore
import ConsoleTesting
import Foundation
import Testing

/// Goldens of every wall page at 120×40 and 200×60 in both languages, with a refresh's changes on screen
/// (re-record as the screen goldens: `EDUIOC_RECORD_GOLDENS=1 swift test --filter WallGolden`).
@Suite("Wall goldens")
struct WallGoldenTests {
    static let sizes = [Size(columns: 120, rows: 40), Size(columns: 200, rows: 60)]

    @Test(arguments: WallPage.allCases)
    func golden(_ page: WallPage) throws {
        var checks: [(golden: GoldenFile, actual: String)] = []
        for size in Self.sizes {
            for language in Language.allCases {
                let state = WallFixtures.state(page, size: size, language: language)
                let backend = TestBackend(size: size, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
                backend.present(DashboardRenderer.render(state, capabilities: backend.capabilities), theme: Theme(name: "default"))
                checks.append((GoldenFile("wall-\(page)-\(size.columns)x\(size.rows)-\(language.rawValue).golden",
                                          testFile: #filePath), backend.golden()))
            }
        }
        try GoldenFile.verifyAll(checks)
    }

    @Test(arguments: WallPage.allCases)
    func smallAndAsciiScreensStayReadable(_ page: WallPage) {
        for size in [Size(columns: 60, rows: 16), Size(columns: 80, rows: 24)] {
            let state = WallFixtures.state(page, size: size, language: .vi)
            let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .none, unicode: false))
            let drawing = Set("─│┌┐└┘●◐✕⚠‼▁▂▃▄▅▆▇█▀▏▲▼…›✓")
            let found = frame.text.filter { drawing.contains($0) }
            #expect(found.isEmpty, "Unicode drawing in ASCII mode: \(Set(found))\n\(frame.text)")
            #expect(frame.text.contains("98,1%"), "the rate tile shows at \(size)\n\(frame.text)")
        }
        let wall = DashboardRenderer.render(WallFixtures.state(page, size: Size(columns: 200, rows: 60), language: .en),
                                            capabilities: TerminalCapabilities(colorDepth: .none, unicode: false))
        let unicode = wall.text.filter { Set("─│┌┐└┘●◐✕⚠‼▁▂▃▄▅▆▇█▀▏▲▼…›✓•").contains($0) }
        #expect(unicode.isEmpty, "Unicode drawing in ASCII mode at 200×60: \(Set(unicode))\n\(wall.text)")
        #expect(wall.text.contains("######"), "doubled big numbers in #")
    }
}
