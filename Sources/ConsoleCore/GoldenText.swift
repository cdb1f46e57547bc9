/// A stable, readable text form of a frame for screen goldens: the text, then the style runs per row.
///
/// ```
/// size 20x3
///   0|Trường A     42    |
///   1|                   |
/// styles
///   0: [0-12 header,bold] [13-19 normal]
/// ```
/// Rows whose every cell is plain `normal` are left out of the style section. Runs give inclusive
/// column ranges; a wide character's two columns belong to the run of its style.
public enum GoldenText {
    /// The golden text of `buffer`.
    public static func render(_ buffer: CellBuffer) -> String {
        var out = "size \(buffer.size.columns)x\(buffer.size.rows)\n"
        let digits = max(3, String(max(0, buffer.size.rows - 1)).count)
        for y in 0..<buffer.size.rows {
            out += pad(y, digits) + "|" + buffer.rowText(y) + "|\n"
        }
        out += "styles\n"
        for y in 0..<buffer.size.rows {
            let runs = styleRuns(buffer, row: y)
            if runs.count == 1, runs[0].style == .plain { continue }
            out += pad(y, digits) + ": " + runs.map { "[\($0.start)-\($0.end) \(describe($0.style))]" }.joined(separator: " ") + "\n"
        }
        return out
    }

    /// The maximal runs of equal style on row `y`, as inclusive column ranges.
    public static func styleRuns(_ buffer: CellBuffer, row y: Int) -> [(start: Int, end: Int, style: CellStyle)] {
        var runs: [(start: Int, end: Int, style: CellStyle)] = []
        for x in 0..<buffer.size.columns {
            let style = buffer[x, y].style
            if let last = runs.last, last.style == style {
                runs[runs.count - 1].end = x
            } else {
                runs.append((x, x, style))
            }
        }
        return runs
    }

    /// A style as `role[,bold][,reverse][,underline]`.
    public static func describe(_ style: CellStyle) -> String {
        var parts = [style.role.rawValue]
        if style.bold { parts.append("bold") }
        if style.reverse { parts.append("reverse") }
        if style.underline { parts.append("underline") }
        return parts.joined(separator: ",")
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
