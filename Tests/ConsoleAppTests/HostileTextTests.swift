@testable import Analytics
@testable import ConsoleApp
import ConsoleCore
import Foundation
import Testing

@Suite("Hostile strings from the database")
struct HostileTextTests {
    @Test func controlAndBidiCharactersNeverReachACellAndColumnsStayAligned() {
        var report = ReportFixtures.provinceReport()
        report.children[0].node.name = "Trường \u{1B}]0;PWNED\u{07}Ác\u{1B}[2J"
        report.children[1].node.name = "Trường \u{202E}Lê Lợi\u{202C}"
        report.children[2].node.name = "Xã Nguye\u{0302}\u{0303}n Tra\u{0303}i\u{0085}"
        report.alerts[0].node.name = "Tr\u{9B}31mường"
        var state = AppState(size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: 1, ReportSanitizer.clean(report)))
        let frame = DashboardRenderer.render(state, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: true))
        for cell in frame.cells {
            for scalar in cell.grapheme.unicodeScalars {
                let v = scalar.value
                #expect(!(v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)),
                        "control U+\(String(v, radix: 16)) reached a cell")
            }
        }
        #expect(frame.text.contains("Xã Nguyễn Trãi"), "NFD composed to NFC")
        // Every table row (inside the border) is exactly as wide as the screen.
        let tableRows = (0..<frame.size.rows).map(frame.rowText).filter { $0.hasPrefix("│") }
        #expect(!tableRows.isEmpty)
        for row in tableRows { #expect(DisplayWidth.of(row) == 100, "misaligned: \(row)") }
    }
}
