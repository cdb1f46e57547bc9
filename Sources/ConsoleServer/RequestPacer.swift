/// A token bucket for one session's requests: up to `burst` at once, then `perSecond` on average. A console that asks
/// faster is slowed (its next answer waits), never refused: an ordinary console asks a few times a second at most,
/// so only a client flooding the server with distinct requests is held back, and to one core's worth or less.
struct RequestPacer: Sendable {
    /// Requests allowed per second once the burst is spent.
    let perSecond: Double
    /// Requests allowed at once.
    let burst: Double
    private var tokens: Double
    private var last: Double?

    /// A full bucket.
    init(perSecond: Double, burst: Int) {
        self.perSecond = perSecond
        self.burst = Double(max(1, burst))
        tokens = self.burst
    }

    /// Takes one request at `now` (seconds on a monotonic clock) and returns how long to wait before answering it.
    mutating func delay(now: Double) -> Double {
        if let last { tokens = min(burst, tokens + max(0, now - last) * perSecond) }
        last = now
        tokens -= 1
        guard tokens < 0 else { return 0 }
        return -tokens / perSecond
    }
}
