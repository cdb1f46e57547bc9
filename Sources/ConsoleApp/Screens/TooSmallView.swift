import ConsoleCore

/// Shown instead of a broken layout when the terminal is below the minimum size.
enum TooSmallView {
    /// Draws the centred message: "Cửa sổ quá nhỏ (40×10)" then "hãy phóng to, cần tối thiểu 60×16".
    static func draw(_ state: AppState, into buffer: inout CellBuffer, context: ScreenContext) {
        let min = AppState.minimumSize
        let times = context.glyphs.isUnicode ? "×" : "x"
        let text = "\(context.t(.windowTooSmall)) (\(state.size.columns)\(times)\(state.size.rows)):"
        let need = "\(context.t(.needAtLeast)) \(min.columns)\(times)\(min.rows)"
        let width = buffer.size.columns
        let lines = MessageWrap.lines(text, width: width)
            + MessageWrap.lines(need, width: width)
        let top = max(0, (buffer.size.rows - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            buffer.put(l, at: Point(x: 0, y: top + i), width: width, alignment: .center, style: CellStyle(.warn, bold: true))
        }
    }
}
