import Testing
@testable import ConsoleCore

@Suite struct CellBufferTests {
    @Test func putsVietnameseOneCellPerLetter() {
        var b = CellBuffer(size: Size(columns: 12, rows: 1))
        let w = b.put("Nguyễn Trãi", at: Point(x: 0, y: 0))
        #expect(w == 11)
        #expect(b.rowText(0) == "Nguyễn Trãi ")
        #expect(b[4, 0].grapheme == "ễ")
    }

    @Test func wideCharactersUseContinuationCells() {
        var b = CellBuffer(size: Size(columns: 6, rows: 1))
        b.put("a中b", at: Point(x: 0, y: 0))
        #expect(b[1, 0].grapheme == "中")
        #expect(b[2, 0].isContinuation)
        #expect(b[3, 0].grapheme == "b")
        #expect(b.rowText(0) == "a中b  ")
    }

    @Test func wideCharacterAtEdgeBecomesPadding() {
        var b = CellBuffer(size: Size(columns: 3, rows: 1), fill: Cell("x"))
        b.put("ab中", at: Point(x: 0, y: 0))
        #expect(b.rowText(0) == "ab ")
        var c = CellBuffer(size: Size(columns: 6, rows: 1), fill: Cell("x"))
        c.put("a中", at: Point(x: 0, y: 0), maxWidth: 2)
        #expect(c.rowText(0) == "a xxxx")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = CellBuffer(size: Size(columns: 4, rows: 1))
        b.put("中文", at: Point(x: 0, y: 0))
        b.put("x", at: Point(x: 1, y: 0))
        #expect(b.rowText(0) == " x文")
        b.put("y", at: Point(x: 2, y: 0))
        #expect(b.rowText(0) == " xy ")
        #expect(!b[3, 0].isContinuation)
    }

    @Test func neverStoresControlCharacters() {
        var b = CellBuffer(size: Size(columns: 10, rows: 1))
        b.put("a\u{1B}[2J\u{202E}b", at: Point(x: 0, y: 0))
        #expect(b.rowText(0) == "a[2Jb     ")
        for cell in b.cells {
            #expect(!cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }

    @Test func fitsWithAlignment() {
        var b = CellBuffer(size: Size(columns: 10, rows: 1))
        b.put("Hải Dương", at: Point(x: 0, y: 0), width: 6, alignment: .left)
        #expect(b.rowText(0) == "Hải D…    ")
        b.put("42", at: Point(x: 6, y: 0), width: 4, alignment: .right)
        #expect(b.rowText(0) == "Hải D…  42")
    }

    @Test func clipsAtFrameEdges() {
        var b = CellBuffer(size: Size(columns: 4, rows: 2))
        b.put("abcdef", at: Point(x: 2, y: 0))
        b.put("abcdef", at: Point(x: -2, y: 1))
        b.put("zz", at: Point(x: 0, y: 5))
        #expect(b.text == "  ab\ncdef")
    }

    @Test func boxesUnicodeAndAscii() {
        var b = CellBuffer(size: Size(columns: 12, rows: 3))
        let inner = b.drawBox(b.bounds, title: "Điểm danh")
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(b.text == "┌ Điểm da… ┐\n│          │\n└──────────┘")
        var a = CellBuffer(size: Size(columns: 8, rows: 3))
        a.drawBox(a.bounds, glyphs: .ascii, title: "Abc")
        #expect(a.text == "+ Abc -+\n|      |\n+------+")
    }

    @Test func fillAndLines() {
        var b = CellBuffer(size: Size(columns: 4, rows: 3))
        b.fill(Rect(x: 1, y: 1, width: 10, height: 10), with: Cell("#"))
        b.horizontalLine(from: Point(x: 0, y: 0), length: 4, glyph: "-")
        b.verticalLine(from: Point(x: 0, y: 0), length: 3, glyph: "|")
        #expect(b.text == "|---\n|###\n|###")
    }
}
