/// How a school's internet link behaves over the last 24 hours.
enum ConnectivityProfile: Sendable, Equatable {
    /// Online and above the 20 Mbps benchmark, around `meanDownload`.
    case good(meanDownload: Double)
    /// Online but below the benchmark.
    case slow(meanDownload: Double)
    /// Failing probes since `sinceUnixSeconds` (offline now); before that, around `meanDownload`.
    case offline(sinceUnixSeconds: Int, meanDownload: Double)
    /// No probe agent: no rows at all.
    case neverProbed

    /// Whether devices at the school can currently report in.
    var isOnlineNow: Bool {
        if case .offline = self { return false }
        return true
    }

    /// When the school went offline, if it is offline now.
    var offlineSince: Int? {
        if case .offline(let since, _) = self { return since }
        return nil
    }
}
