import ConsoleCore

/// Shown instead of a broken layout when the terminal is below the minimum size.
enum TooSmallView {
    /// Draws the centred "please enlarge" message.
    static func draw(_ state: AppState, into buffer: inout CellBuffer, context: ScreenContext) {
        let min = AppState.minimumSize
        let text = "\(context.t(.windowTooSmall)) \(min.columns)×\(min.rows), \(state.size.columns)×\(state.size.rows))"
        let width = buffer.size.columns
        let words = text.split(separator: " ").map(String.init)
        var lines: [String] = [], line = ""
        for word in words {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) > width && !line.isEmpty {
                lines.append(line)
                line = word
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        let top = max(0, (buffer.size.rows - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            buffer.put(l, at: Point(x: 0, y: top + i), width: width, alignment: .center, style: CellStyle(.warn, bold: true))
        }
    }
}
