/// The server's bounds and rhythms.
public struct ServerLimits: Sendable {
    /// Connections one account may hold at once; one more is refused.
    public var sessionsPerAccount: Int
    /// How often the snapshot is checked for a change (a change reaches consoles within this plus a write).
    public var pollInterval: Duration
    /// How often every session's grant is checked again against the access file.
    public var accessInterval: Duration
    /// How long a console may take to send its hello, or to take a frame, before it is dropped.
    public var ioTimeoutSeconds: Int
    /// Requests one session may make per second on average; faster ones are answered late (`RequestPacer`).
    public var requestsPerSecond: Double
    /// Requests one session may make at once before the pacing starts.
    public var requestBurst: Int

    /// The defaults: 8 sessions per account, poll every 250 ms, access every 2 s, 10 s I/O timeout, 20 requests a
    /// second per session after a burst of 40.
    public init(sessionsPerAccount: Int = 8, pollInterval: Duration = .milliseconds(250),
                accessInterval: Duration = .seconds(2), ioTimeoutSeconds: Int = 10,
                requestsPerSecond: Double = 20, requestBurst: Int = 40) {
        self.sessionsPerAccount = sessionsPerAccount
        self.pollInterval = pollInterval
        self.accessInterval = accessInterval
        self.ioTimeoutSeconds = ioTimeoutSeconds
        self.requestsPerSecond = requestsPerSecond
        self.requestBurst = requestBurst
    }
}
