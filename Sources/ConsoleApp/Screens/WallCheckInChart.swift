import Analytics
import ConsoleCore

/// The check-in curve drawn as a chart with its scale stated (0–100 % of enrolled pupils reported).
enum WallCheckInChart {
    /// The rows the chart takes out of `available` (0 without a curve).
    static func height(_ state: AppState, available: Int) -> Int { 0 }

    /// Draws the chart in `rect`.
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer, context: ScreenContext) {}
}
