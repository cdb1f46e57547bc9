import Testing
@testable import ConsoleCore

@Suite struct TableTests {
    let columns = [
        TableColumn("Trường", width: .flexible(weight: 1, minimum: 6)),
        TableColumn("Sĩ số", width: .fixed(7), alignment: .right),
        TableColumn("Mạng", width: .fixed(8)),
    ]

    func rows() -> [[TableCell]] {
        [
            ["THCS Nguyễn Trãi", "512", TableCell("tốt", role: .ok, status: .good)],
            ["TH Đắk Lắk", "1024", TableCell("mất", role: .crit, status: .offline)],
            [TableCell(TextSanitizer.sanitize("Nguye\u{0302}\u{0303}n \u{1B}[2JDu")), "87", TableCell("?", role: .unknown, status: .unknown)],
            ["Trường Tiểu học Lê Quý Đôn rất dài", "9", "yếu"],
        ]
    }

    @Test func rendersAlignedVietnameseRows() {
        var b = CellBuffer(size: Size(columns: 35, rows: 5))
        let table = Table(columns: columns, rows: rows(), selectedRow: 1, sort: TableSort(column: 1, ascending: false))
        let layout = table.draw(b.bounds, into: &b)
        #expect(b.text == """
        Trường             Sĩ số ▼ Mạng    
        THCS Nguyễn Trãi       512 ● tốt   
        TH Đắk Lắk            1024 ✕ mất   
        Nguyễn [2JDu            87 ? ?     
        Trường Tiểu học L…       9 yếu     
        """)
        #expect(layout.columnWidths == [18, 7, 8])
        #expect(layout.scrollOffset == 0)
        // Every row's text is exactly the width of the table.
        for y in 0..<5 { #expect(DisplayWidth.of(b.rowText(y)) == 35) }
        // Selected row is highlighted; a coloured cell keeps its role, reversed.
        #expect(b[0, 2].style == CellStyle(.selected))
        #expect(b[29, 2].style == CellStyle(.crit, bold: true, reverse: true))
        #expect(b[0, 0].style == CellStyle(.header, bold: true))
    }

    @Test func asciiSortIndicator() {
        var b = CellBuffer(size: Size(columns: 34, rows: 1))
        Table(columns: columns, rows: [], sort: TableSort(column: 0), glyphs: .ascii).render(b.bounds, into: &b)
        #expect(b.rowText(0).hasPrefix("Trường ^"))
    }

    @Test func scrollsToKeepSelectionVisible() {
        #expect(Table.scrollOffset(current: 0, selected: 9, visibleRows: 4, rowCount: 20) == 6)
        #expect(Table.scrollOffset(current: 6, selected: 7, visibleRows: 4, rowCount: 20) == 6)
        #expect(Table.scrollOffset(current: 6, selected: 2, visibleRows: 4, rowCount: 20) == 2)
        #expect(Table.scrollOffset(current: 18, selected: nil, visibleRows: 4, rowCount: 20) == 16)
        #expect(Table.scrollOffset(current: 5, selected: 0, visibleRows: 4, rowCount: 0) == 0)

        let many = (0..<30).map { [TableCell("Trường \($0)"), TableCell("\($0)")] }
        var b = CellBuffer(size: Size(columns: 20, rows: 6))
        let t = Table(columns: [TableColumn("Tên"), TableColumn("N", width: .fixed(3), alignment: .right)],
                      rows: many, selectedRow: 12, scrollOffset: 0)
        let layout = t.draw(b.bounds, into: &b)
        #expect(layout.scrollOffset == 8)
        #expect(b.rowText(5).hasPrefix("Trường 12"))
        #expect(layout.row(at: Point(x: 3, y: 1), rowCount: many.count) == 8)
        #expect(layout.row(at: Point(x: 3, y: 0), rowCount: many.count) == nil)
        #expect(layout.column(at: Point(x: 18, y: 0)) == 1)
    }

    @Test func flexibleColumnsShareAndKeepMinimum() {
        let t = Table(columns: [TableColumn("a", width: .flexible(weight: 2, minimum: 3)),
                                TableColumn("b", width: .flexible(weight: 1, minimum: 5)),
                                TableColumn("c", width: .fixed(4))], rows: [])
        #expect(t.columnWidths(total: 30) == [16, 8, 4])
        // Too narrow for both minimums: the wider flexible column gives what it can spare.
        #expect(t.columnWidths(total: 13) == [3, 4, 4])
    }
}

@Suite struct TableSortTitleTests {
    @Test func arrowPlacement() {
        #expect(Table.sortedTitle("Tên", arrow: "▲", width: 10, alignment: .left, ellipsis: "…") == "Tên ▲")
        #expect(Table.sortedTitle("Sĩ số", arrow: "▼", width: 7, alignment: .right, ellipsis: "…") == "Sĩ số ▼")
        #expect(Table.sortedTitle("Sĩ số", arrow: "▼", width: 6, alignment: .right, ellipsis: "…") == "Sĩ số▼")
        #expect(Table.sortedTitle("Sĩ số", arrow: "▼", width: 5, alignment: .left, ellipsis: "…") == "Sĩ …▼")
        #expect(Table.sortedTitle("Sĩ số", arrow: "v", width: 1, alignment: .left, ellipsis: "~") == "v")
    }
}
