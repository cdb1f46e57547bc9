/// Errors from analytics queries, worded for the person at the console.
public enum AnalyticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The node exists outside the caller's scope, or does not exist at all: the two are never told apart.
    case notInYourArea(String)
    /// The configuration file is invalid.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .notInYourArea(let code): return "\(code): not in your area"
        case .invalidConfiguration(let why): return "configuration: \(why)"
        }
    }
}
