/// Computes what changed between two frames.
public enum FrameDiff {
    /// The runs that turn `previous` into `next`: changed cells only, never starting on the trailing half
    /// of a wide character. A nil or differently sized `previous` repaints every row; an identical frame
    /// yields no runs.
    public static func runs(from previous: CellBuffer?, to next: CellBuffer) -> [DiffRun] {
        let cols = next.size.columns
        guard let previous, previous.size == next.size else {
            return (0..<next.size.rows).map { y in
                DiffRun(row: y, column: 0, cells: Array(next.cells[(y * cols)..<(y * cols + cols)]))
            }
        }
        var runs: [DiffRun] = []
        for y in 0..<next.size.rows {
            let base = y * cols
            var x = 0
            while x < cols {
                guard previous.cells[base + x] != next.cells[base + x] else { x += 1; continue }
                var start = x
                if next.cells[base + start].isContinuation && start > 0 { start -= 1 }
                var end = x + 1
                while end < cols && previous.cells[base + end] != next.cells[base + end] { end += 1 }
                // Never end between a wide character and its continuation.
                if end < cols && next.cells[base + end].isContinuation { end += 1 }
                if let last = runs.last, last.row == y, last.column + last.cells.count >= start {
                    let merged = DiffRun(row: y, column: last.column, cells: Array(next.cells[(base + last.column)..<(base + end)]))
                    runs[runs.count - 1] = merged
                } else {
                    runs.append(DiffRun(row: y, column: start, cells: Array(next.cells[(base + start)..<(base + end)])))
                }
                x = end
            }
        }
        return runs
    }

    /// The number of cells the runs write.
    public static func cellCount(_ runs: [DiffRun]) -> Int { runs.reduce(0) { $0 + $1.cells.count } }
}
