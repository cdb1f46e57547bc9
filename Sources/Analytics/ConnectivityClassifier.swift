import Foundation
import ReportModel
import SectorData

/// A school's connectivity from its latest probe, judged at one report's data time: good or moderate against
/// the benchmark speed, offline (and since when) when the latest probe failed or is older than the offline limit,
/// unknown without probes.
struct ConnectivityClassifier {
    /// The school's connectivity and, when offline, since when.
    struct LinkState {
        let status: ConnectivityStatus
        let since: Date?
        let download: Double?
        let latency: Double?
    }

    /// The oldest probe time still counted as fresh (probes before it mean offline).
    let freshFrom: String
    /// The speed at or above which a link is good (else moderate).
    let benchmarkMbps: Double

    /// A classifier judging at `dataTime` with the configuration's offline limit and benchmark.
    init(dataTime: Date, policy: ConnectivityPolicy) {
        freshFrom = SnapshotTime.format(dataTime.addingTimeInterval(-Double(policy.offlineAfterMinutes) * 60))
        benchmarkMbps = policy.benchmarkMbps
    }

    /// A school's link state from its latest probe.
    func classify(_ probe: FigureQueries.Probe?) -> LinkState {
        guard let probe else { return LinkState(status: .unknown, since: nil, download: nil, latency: nil) }
        guard let download = probe.download else {
            return LinkState(status: .offline, since: probe.firstFailedAfterGood.flatMap(SnapshotTime.parse),
                             download: nil, latency: nil)
        }
        guard probe.latestAt >= freshFrom else {
            let since = (probe.lastGoodAt ?? probe.latestAt)
            return LinkState(status: .offline, since: SnapshotTime.parse(since)?.addingTimeInterval(300),
                             download: nil, latency: nil)
        }
        let status: ConnectivityStatus = download >= benchmarkMbps ? .good : .moderate
        return LinkState(status: status, since: nil, download: download, latency: probe.latency)
    }
}
