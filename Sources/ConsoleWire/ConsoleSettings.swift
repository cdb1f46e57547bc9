import ConsoleApp
import ReportModel

/// What the server's configuration (`eduioc serve --config`) says about judging figures on screen, sent in the
/// welcome: a connected console colours rates and dates staleness as the ops centre's in-process console does.
public struct ConsoleSettings: Codable, Sendable, Equatable {
    /// The attendance thresholds (the rate's and completeness's colour bands).
    public var attendance: AttendancePolicy
    /// Minutes without a new publication (or change) after which the data is shown as stale.
    public var staleAfterMinutes: Int

    /// Creates settings; the defaults are the configuration's.
    public init(attendance: AttendancePolicy = AttendancePolicy(), staleAfterMinutes: Int = 30) {
        self.attendance = attendance
        self.staleAfterMinutes = staleAfterMinutes
    }
}

extension AppState {
    /// Takes the server's judging settings: colour bands and the stale limit.
    public mutating func apply(_ settings: ConsoleSettings) {
        attendanceBands = .attendance(settings.attendance)
        completenessBands = .completeness(settings.attendance)
        staleAfterMinutes = settings.staleAfterMinutes
    }
}
