/// The server's answer to a hello: the account, what it may see, where it may export, the province's zone, and how
/// the server's configuration judges figures.
public struct WireWelcome: Codable, Sendable, Equatable {
    /// The account name the kernel's peer credentials map to.
    public var user: String
    /// The account's scope as a label for the status line ("user: CODES" or "user: *").
    public var scopeLabel: String
    /// The export directory the access file gives the account (nil: export refused).
    public var exportDirectory: String?
    /// The snapshot's time zone identifier.
    public var timeZone: String
    /// The protocol version the server speaks.
    public var version: Int
    /// How the server's configuration judges figures (colour bands, the stale limit).
    public var settings: ConsoleSettings

    /// Creates a welcome.
    public init(user: String, scopeLabel: String, exportDirectory: String?, timeZone: String, version: Int,
                settings: ConsoleSettings = ConsoleSettings()) {
        self.user = user
        self.scopeLabel = scopeLabel
        self.exportDirectory = exportDirectory
        self.timeZone = timeZone
        self.version = version
        self.settings = settings
    }
}
