/// Why an access file could not be used, or why an account is refused. Every message names the file.
public enum AccessPolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(file: String, reason: String)
    /// The file is not valid, at `key` (a dotted path such as `users.hoa.units`).
    case invalid(file: String, key: String, reason: String)
    /// The account has no entry, directly or through a group.
    case noEntry(file: String, user: String)

    /// One line for the person at the terminal.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "access file \(file): \(reason)"
        case .invalid(let file, let key, let reason):
            return key.isEmpty ? "access file \(file): \(reason)" : "access file \(file): \(key): \(reason)"
        case .noEntry(let file, let user):
            return "account \"\(user)\" has no entry in \(file); access refused (ask the administrator)"
        }
    }
}
