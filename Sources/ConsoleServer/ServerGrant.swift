import Analytics

/// What the server's access check says about a peer: its grant, or a one-line refusal.
public enum ServerGrant: Sendable, Equatable {
    /// The account and what the access file gives it.
    case granted(AccessGrant)
    /// No entry, an unusable or unsafe access file, an unknown uid…: the reason, for the official.
    case refused(String)

    /// The status-line label of a grant ("user: CODES" or "user: *").
    public static func label(_ grant: AccessGrant) -> String { "\(grant.user): \(grant.scopeCodes ?? "*")" }
}
