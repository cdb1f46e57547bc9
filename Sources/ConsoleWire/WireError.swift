import ConsoleApp

/// A failed request as it travels: the same cases the in-process source throws, so the console reacts alike.
public enum WireError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// Outside the scope or absent (never told apart).
    case notInYourArea(String)
    /// Nothing of that code or name (unscoped accounts only).
    case noSuchNode(String)
    /// A message for the user (not a snapshot fault).
    case userFacing(String)
    /// The snapshot is unusable or busy; the console keeps its last data with the reason as a banner.
    case snapshot(String)

    /// The error the in-process source would have thrown.
    public var dashboardError: any Error {
        switch self {
        case .notInYourArea(let code): return DashboardDataError.notInYourArea(code)
        case .noSuchNode(let text): return DashboardDataError.noSuchNode(text)
        case .userFacing(let text): return DashboardDataError.userFacing(text)
        case .snapshot: return self
        }
    }

    /// Maps what a source threw to its wire form.
    public init(_ error: any Error) {
        switch error {
        case let wire as WireError: self = wire
        case DashboardDataError.notInYourArea(let code): self = .notInYourArea(code)
        case DashboardDataError.noSuchNode(let text): self = .noSuchNode(text)
        case DashboardDataError.userFacing(let text): self = .userFacing(text)
        default: self = .snapshot(String(describing: error))
        }
    }

    /// The text the console shows.
    public var description: String {
        switch self {
        case .notInYourArea, .noSuchNode, .userFacing: return String(describing: dashboardError)
        case .snapshot(let reason): return reason
        }
    }
}
