/// Errors from analytics queries, worded for the person at the console.
public enum AnalyticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The node exists outside the caller's scope, or does not exist at all: the two are never told apart.
    case notInYourArea(String)
    /// The configuration file is invalid.
    case invalidConfiguration(String)
    /// No such node, for unscoped users only (scoped users always get `notInYourArea`).
    case notFound(String)
    /// The snapshot lacks something the figures need (meta keys, a valid time zone, a root unit).
    case invalidSnapshot(String)

    /// One line for the person at the console.
    public var description: String {
        switch self {
        case .notInYourArea(let code): return "\(code): not in your area"
        case .invalidConfiguration(let why): return "configuration: \(why)"
        case .notFound(let code): return "\(code): no such unit, school or class"
        case .invalidSnapshot(let why): return "snapshot: \(why)"
        }
    }
}
