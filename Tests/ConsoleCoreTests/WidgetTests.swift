import Testing
@testable import ConsoleCore

@Suite struct WidgetTests {
    @Test func layoutSplits() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        let rows = Layout.rows(r, [.fixed(1), .weight(1), .fixed(1)])
        #expect(rows.map(\.height) == [1, 22, 1])
        #expect(rows[2].y == 23)
        let cols = Layout.columns(r, [.weight(1), .weight(1), .weight(1)], spacing: 1)
        #expect(cols.map(\.width) == [26, 26, 26])
        #expect(cols.map(\.x) == [0, 27, 54])
        let tight = Layout.rows(Rect(x: 0, y: 0, width: 1, height: 3), [.fixed(2), .fixed(2), .weight(1)])
        #expect(tight.map(\.height) == [2, 1, 0])
        let uneven = Layout.columns(Rect(x: 0, y: 0, width: 10, height: 1), [.weight(1), .weight(1), .weight(1)])
        #expect(uneven.map(\.width) == [4, 3, 3])
    }

    @Test func gaugeUnicodeAndAscii() {
        #expect(Gauge(fraction: 0.5).bar(width: 10) == "█████░░░░░")
        #expect(Gauge(fraction: 0.55).bar(width: 10) == "█████▌░░░░")
        #expect(Gauge(fraction: 1.2).bar(width: 4) == "████")
        #expect(Gauge(fraction: nil).bar(width: 3) == "░░░")
        #expect(Gauge(fraction: 0.5, glyphs: .ascii).bar(width: 10) == "#####.....")
        var b = CellBuffer(size: Size(columns: 12, rows: 1))
        Gauge(fraction: 0.934, label: "93%", role: .ok).render(b.bounds, into: &b)
        #expect(b.rowText(0) == "███████▌ 93%")
        #expect(b[0, 0].style == CellStyle(.ok))
        #expect(b[9, 0].style == CellStyle(.ok))
    }

    @Test func sparklineWithGaps() {
        let s = Sparkline([0, 1, 2, 3, 4, 5, 6, 7, nil, 7], minimum: 0, maximum: 7)
        #expect(s.glyphString(width: 10) == "▁▂▃▄▅▆▇█·█")
        #expect(s.glyphString(width: 4) == "▇█·█")
        #expect(Sparkline([1, 2], glyphs: .ascii).glyphString(width: 4) == "  18")
        #expect(Sparkline([nil, nil]).glyphString(width: 2) == "··")
        #expect(Sparkline([5, 5]).glyphString(width: 2) == "██")
        var b = CellBuffer(size: Size(columns: 3, rows: 1))
        Sparkline([1, nil, 2]).render(b.bounds, into: &b)
        #expect(b[1, 0].style == CellStyle(.dim))
        #expect(b[0, 0].style == CellStyle(.chart))
    }

    @Test func styledLineCutsWithEllipsis() {
        var b = CellBuffer(size: Size(columns: 22, rows: 1))
        let line = StyledLine([Span("Tỉnh ", role: .dim), Span("Hải Dương", role: .title, bold: true), Span(" › Xã An", role: .normal)])
        line.render(b.bounds, into: &b)
        #expect(b.rowText(0) == "Tỉnh Hải Dương › Xã An")
        #expect(b[5, 0].style == CellStyle(.title, bold: true))
        var c = CellBuffer(size: Size(columns: 10, rows: 1))
        line.render(c.bounds, into: &c)
        #expect(c.rowText(0) == "Tỉnh Hải …")
        #expect(c[9, 0].style == CellStyle(.title, bold: true))
        var d = CellBuffer(size: Size(columns: 10, rows: 1))
        StyledLine([Span("q quit")], alignment: .right).render(d.bounds, into: &d)
        #expect(d.rowText(0) == "    q quit")
    }

    @Test func asciiGlyphsNeverShareACharacter() {
        let g = Glyphs.ascii
        let status = StatusGlyph.allCases.map { $0.glyph(g) }
        let named: [String] = status + [g.horizontal, g.vertical, g.topLeft, g.ellipsis, g.gaugeFull, g.gaugeEmpty,
                                        g.sortAscending, g.sortDescending] + g.sparkLevels
        var owner: [Character: String] = [:]
        for glyph in named {
            for c in Set(glyph) {
                if let other = owner[c], other != glyph { Issue.record("'\(c)' is in both \(other) and \(glyph)") }
                owner[c] = glyph
            }
        }
        #expect(Set([g.topLeft, g.topRight, g.bottomLeft, g.bottomRight]).count == 1, "corners share one character")
        #expect(!status.contains(g.topLeft) && !status.contains(g.ellipsis))
        #expect(AsciiFallback.text(for: "·") != "?", "a separator must not read as the unknown glyph")
        #expect(AsciiFallback.text(for: "…") == g.ellipsis)
    }

    @Test func statusGlyphsDoNotRelyOnColour() {
        #expect(StatusGlyph.allCases.map { $0.glyph() } == ["●", "◐", "✕", "?"])
        #expect(StatusGlyph.allCases.map { $0.glyph(.ascii) } == ["o", "=", "x", "?"])
        #expect(Set(StatusGlyph.allCases.map { $0.glyph(.ascii) }).count == 4)
        #expect(StatusGlyph.offline.role == .crit)
    }

    @Test func bigNumber() {
        var b = CellBuffer(size: Size(columns: 12, rows: 3))
        BigNumber("93%", role: .ok).render(b.bounds, into: &b)
        #expect(b.text == """
        █▀█ ▀▀█ ▀ █ 
        ▀▀█  ▀█  █  
        ▀▀▀ ▀▀▀ █ ▄ 
        """)
        var small = CellBuffer(size: Size(columns: 6, rows: 1))
        BigNumber("93%").render(small.bounds, into: &small)
        #expect(small.rowText(0) == "93%   ")
        #expect(BigNumber("1a").largeLines() == nil)
        #expect(BigNumber("1", glyphs: .ascii).largeLines() == ["## ", " # ", "###"])
    }
}

@Suite struct NavigationWidgetTests {
    @Test func keyHintsDropWholeHints() {
        let bar = KeyHintsBar([.init("q", "thoát"), .init("/", "lọc"), .init("?", "trợ giúp")])
        var b = CellBuffer(size: Size(columns: 20, rows: 1))
        bar.render(b.bounds, into: &b)
        #expect(b.rowText(0) == "q thoát  / lọc      ")
        #expect(b[0, 0].style == CellStyle(.key, bold: true))
        #expect(b[19, 0].style == CellStyle(.hint))
    }

    @Test func breadcrumbsKeepTheCurrentNode() {
        let crumbs = Breadcrumbs(["Hải Dương", "Xã An Phú", "THCS Nguyễn Trãi"])
        var b = CellBuffer(size: Size(columns: 40, rows: 1))
        crumbs.render(b.bounds, into: &b)
        #expect(b.rowText(0) == "Hải Dương › Xã An Phú › THCS Nguyễn Trãi")
        var c = CellBuffer(size: Size(columns: 30, rows: 1))
        crumbs.render(c.bounds, into: &c)
        #expect(c.rowText(0) == "… › THCS Nguyễn Trãi          ")
        var e = CellBuffer(size: Size(columns: 32, rows: 1))
        Breadcrumbs(["Tỉnh", "Hải Dương", "Xã An Phú", "THCS Nguyễn Trãi"]).render(e.bounds, into: &e)
        #expect(e.rowText(0) == "… › Xã An Phú › THCS Nguyễn Trãi")
        var f = CellBuffer(size: Size(columns: 10, rows: 1))
        crumbs.render(f.bounds, into: &f)
        #expect(f.rowText(0) == "… › THCS …")
        var d = CellBuffer(size: Size(columns: 24, rows: 1))
        Breadcrumbs(["A", "B", "Trường THCS"], glyphs: .ascii).render(d.bounds, into: &d)
        #expect(d.rowText(0) == "A > B > Trường THCS     ")
    }
}
