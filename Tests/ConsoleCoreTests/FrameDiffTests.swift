import Testing
@testable import ConsoleCore

@Suite struct FrameDiffTests {
    @Test func identicalFramesYieldNoRuns() {
        var b = CellBuffer(size: Size(columns: 20, rows: 5))
        b.put("Trường Nguyễn Trãi", at: Point(x: 1, y: 2))
        #expect(FrameDiff.runs(from: b, to: b).isEmpty)
    }

    @Test func firstFrameRepaintsEverything() {
        let b = CellBuffer(size: Size(columns: 5, rows: 3))
        let runs = FrameDiff.runs(from: nil, to: b)
        #expect(runs.count == 3)
        #expect(FrameDiff.cellCount(runs) == 15)
        let other = CellBuffer(size: Size(columns: 6, rows: 3))
        #expect(FrameDiff.runs(from: other, to: b).count == 3)
    }

    @Test func onlyChangedCellsAreWritten() {
        let a = CellBuffer(size: Size(columns: 20, rows: 3))
        var b = a
        b.put("42", at: Point(x: 5, y: 1))
        b.put("x", at: Point(x: 15, y: 1))
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs == [
            DiffRun(row: 1, column: 5, cells: [Cell("4"), Cell("2")]),
            DiffRun(row: 1, column: 15, cells: [Cell("x")]),
        ])
    }

    @Test func styleChangesCount() {
        let a = CellBuffer(size: Size(columns: 3, rows: 1))
        var b = a
        b[1, 0] = Cell(" ", style: CellStyle(.crit))
        #expect(FrameDiff.runs(from: a, to: b) == [DiffRun(row: 0, column: 1, cells: [Cell(" ", style: CellStyle(.crit))])])
    }

    @Test func runsNeverStartOnAContinuation() {
        var a = CellBuffer(size: Size(columns: 6, rows: 1))
        a.put("中", at: Point(x: 2, y: 0))
        var b = a
        b[3, 0] = Cell.continuation(CellStyle(.warn))
        b[2, 0] = Cell("中", style: CellStyle(.warn))
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs.count == 1)
        #expect(runs[0].column == 2)
        #expect(runs[0].cells.count == 2)
    }

    @Test func replacingWideWithNarrowRewritesBothColumns() {
        var a = CellBuffer(size: Size(columns: 4, rows: 1))
        a.put("中", at: Point(x: 0, y: 0))
        var b = a
        b.put("x", at: Point(x: 0, y: 0))
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs == [DiffRun(row: 0, column: 0, cells: [Cell("x"), Cell(" ")])])
    }
}
