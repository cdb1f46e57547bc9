import ConsoleTesting
import Testing
@testable import ConsoleCore

/// A composed screen rendered through the TestBackend and compared with a recorded golden
/// (record with `EDUIOC_RECORD_GOLDENS=1 swift test --filter ConsoleCoreTests`).
@Suite struct ScreenGoldenTests {
    /// School names as a hostile snapshot might hold them, passed through the sanitiser like the app does.
    static let hostileNames = [
        "Trường THCS Nguyễn Trãi",
        "Nguye\u{0302}\u{0303}n Du \u{1B}[2J\u{1B}[31m(NFD)",
        "\u{202E}Đắk Lắk\u{202C} \u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{07}",
        "Tiểu học\tLê\u{9B}Quý\u{7F}Đôn\u{200B}",
        "学校 中文 👍",
    ].map(TextSanitizer.sanitize)

    static func screen(size: Size, glyphs: Glyphs) -> CellBuffer {
        var b = CellBuffer(size: size)
        let parts = Layout.rows(b.bounds, [.fixed(1), .fixed(5), .weight(1), .fixed(1)])
        StyledLine([Span("EduIOC ", role: .title, bold: true), Span("Hải Dương › Xã An Phú", role: .header),
                    Span("  07:42 (3 phút trước)", role: .stale)], glyphs: glyphs).render(parts[0], into: &b)
        let panels = Layout.columns(parts[1], [.weight(1), .weight(1)], spacing: 1)
        b.clear(panels[0])
        let inner = b.drawBox(panels[0], glyphs: glyphs, title: "Điểm danh")
        let lines = Layout.rows(inner, [.fixed(1), .fixed(1), .fixed(1)])
        Gauge(fraction: 0.934, label: "93.4%", role: .ok, glyphs: glyphs).render(lines[0], into: &b)
        Sparkline([0.91, 0.93, nil, 0.95, 0.90, 0.934], minimum: 0.8, maximum: 1, glyphs: glyphs).render(lines[1], into: &b)
        StyledLine([StatusGlyph.good.span(glyphs), Span(" 812 "), StatusGlyph.moderate.span(glyphs), Span(" 30 "),
                    StatusGlyph.offline.span(glyphs), Span(" 9 "), StatusGlyph.unknown.span(glyphs), Span(" 5")], glyphs: glyphs)
            .render(lines[2], into: &b)
        b.clear(panels[1])
        let enrollment = Layout.rows(b.drawBox(panels[1], glyphs: glyphs, title: "Sĩ số"), [.fixed(1), .fixed(1), .fixed(1)])
        for (i, (key, value, role)) in [("Học sinh", "495.976", StyleRole.normal), ("Giáo viên", "30.453", .normal),
                                        ("Tỉ lệ HS/GV", "16,3", .warn)].enumerated() {
            StyledLine([Span(key + " ", role: .dim), Span(value, role: role)], glyphs: glyphs).render(enrollment[i], into: &b)
        }
        let statuses: [StatusGlyph] = [.good, .moderate, .offline, .unknown, .good]
        let rows = zip(hostileNames, statuses).enumerated().map { i, pair in
            [TableCell(pair.0), TableCell("\(100 + i * 37)"), TableCell(pair.1.rawValue, role: pair.1.role, status: pair.1)]
        }
        Table(columns: [TableColumn("Trường", width: .flexible(weight: 1, minimum: 8)),
                        TableColumn("Sĩ số", width: .fixed(7), alignment: .right),
                        TableColumn("Mạng", width: .fixed(12))],
              rows: rows, selectedRow: 1, sort: TableSort(column: 0), glyphs: glyphs).render(parts[2], into: &b)
        StyledLine([Span("↑↓", role: .key), Span(" chọn  ", role: .hint), Span("Enter", role: .key), Span(" xem  ", role: .hint),
                    Span("q", role: .key), Span(" thoát", role: .hint)], glyphs: glyphs).render(parts[3], into: &b)
        return b
    }

    @Test(arguments: [(Size(columns: 60, rows: 14), true), (Size(columns: 60, rows: 14), false)])
    func composedScreen(size: Size, unicode: Bool) throws {
        let backend = TestBackend(size: size, capabilities: TerminalCapabilities(colorDepth: .full256, unicode: unicode))
        let frame = Self.screen(size: backend.size, glyphs: Glyphs.for(backend.capabilities))
        backend.present(frame, theme: Theme(name: "default"))
        backend.present(frame, theme: Theme(name: "default"))
        #expect(backend.cellsWritten == [size.columns * size.rows, 0])
        // No control or bidi character reached any cell, and every row is exactly the screen width.
        for cell in frame.cells {
            #expect(!cell.grapheme.unicodeScalars.contains(where: TextSanitizer.isUnsafe))
        }
        for y in 0..<size.rows { #expect(DisplayWidth.of(frame.rowText(y)) == size.columns) }
        let name = "composed-\(size.columns)x\(size.rows)-\(unicode ? "unicode" : "ascii").txt"
        try GoldenFile(name, testFile: #filePath).verify(backend.golden())
    }
}
