import ConsoleCore

/// Renders the whole screen from state: a pure function (stub until the widgets land).
public enum DashboardRenderer {
    /// The frame for `state` on a terminal with `capabilities`.
    public static func render(_ state: AppState, capabilities: TerminalCapabilities) -> CellBuffer {
        CellBuffer(size: state.size)
    }
}
