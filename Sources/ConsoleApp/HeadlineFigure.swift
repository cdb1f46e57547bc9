import ReportModel

/// The headline figures the wall shows as big tiles, and that carry a ▲/▼ delta after a refresh.
public enum HeadlineFigure: String, Sendable, Hashable, CaseIterable {
    /// Attendance rate: (present + late) / reported.
    case attendanceRate
    /// Share reported: reported / enrolled.
    case shareReported
    /// Schools reporting (≥ 50 % of their students recorded).
    case schoolsReporting
    /// Offline schools.
    case offlineSchools
    /// Working computers as a share of computers not retired.
    case workingDevices

    /// Whether the figure is a fraction 0–1 (its delta is in percentage points), else a count.
    public var isFraction: Bool {
        switch self {
        case .attendanceRate, .shareReported, .workingDevices: return true
        case .schoolsReporting, .offlineSchools: return false
        }
    }

    /// Whether a rise is good news (offline schools: a rise is bad).
    public var higherIsBetter: Bool { self != .offlineSchools }

    /// The figure's value in `figures` (nil when undefined, e.g. a rate with nothing reported).
    public func value(_ figures: NodeFigures) -> Double? {
        switch self {
        case .attendanceRate: return figures.attendance.rate
        case .shareReported: return figures.attendance.completeness
        case .schoolsReporting: return Double(figures.attendance.schoolsReporting)
        case .offlineSchools: return Double(figures.connectivity.offline)
        case .workingDevices:
            let d = figures.devices
            return d.computersTotal > 0 ? Double(d.computersWorking) / Double(d.computersTotal) : nil
        }
    }
}
