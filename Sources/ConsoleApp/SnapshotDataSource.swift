import Analytics
import Foundation
import SectorData
import Synchronization

/// The real data source: a validated snapshot, its change watcher and the analytics engine.
///
/// It reopens the path after a publish-by-rename, and when the snapshot goes bad it drops it and keeps
/// trying on each poll, so the console recovers by itself when a good file returns.
public final class SnapshotDataSource: DashboardDataSource {
    private struct Live: Sendable {
        var snapshot: Snapshot
        var watcher: SnapshotWatcher
        var engine: AnalyticsEngine
    }

    private let url: URL
    private let config: AnalyticsConfig
    private let scope: Scope?
    private let live: Mutex<Live?>
    /// Past-day summaries kept across refreshes and reopenings (they re-key themselves on a new file).
    public let summaries = PastDaySummaries()

    /// Opens the snapshot at `url`; throws a one-line `SnapshotError` when it is unusable.
    public init(url: URL, config: AnalyticsConfig, scope: Scope?) throws {
        self.url = url
        self.config = config
        self.scope = scope
        live = Mutex(try Self.open(url, config, scope, summaries))
    }

    /// The province's timezone from the snapshot first opened.
    public var timeZone: TimeZone { live.withLock { $0?.snapshot.timeZone } ?? TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current }

    public func report(for node: NodeRef?, asOf: Date) throws -> NodeReport {
        let current = try currentLive()
        do {
            return try current.engine.report(for: node, asOf: asOf)
        } catch AnalyticsError.notInYourArea(let code) {
            throw DashboardDataError.notInYourArea(code)
        } catch let error as AnalyticsError {
            guard case .invalidSnapshot = error else { throw DashboardDataError.userFacing(error.description) }
            live.withLock { $0 = nil }  // the snapshot itself is bad: reopen on the next poll
            throw error
        } catch {
            live.withLock { $0 = nil }  // reopen on the next poll
            throw current.snapshot.explain(error)
        }
    }

    public func resolve(_ target: JumpTarget) throws -> NodeRef {
        let engine = try currentLive().engine
        do {
            switch target {
            case .school(let code): return try engine.node(code: code)
            case .unit(let name):
                guard let unit = try engine.units(matching: name, limit: 1).first else {
                    throw DashboardDataError.notInYourArea(name)
                }
                return unit
            }
        } catch AnalyticsError.notInYourArea(let code) {
            throw DashboardDataError.notInYourArea(code)
        } catch let error as AnalyticsError {
            throw DashboardDataError.userFacing(error.description)
        }
    }

    public func pollForChange() -> SnapshotPoll {
        let current = live.withLock { $0 }
        guard var current else { return reopen() }
        do {
            let change = try current.watcher.poll()
            live.withLock { if $0?.snapshot === current.snapshot { $0?.watcher = current.watcher } }
            switch change {
            case .unchanged: return .unchanged
            case .changedInPlace:
                // A writer may have truncated the file or changed its version: check before querying it.
                do {
                    try current.snapshot.revalidate()
                } catch {
                    live.withLock { $0 = nil }
                    return .failed(error.description)
                }
                return .changed
            case .replaced: return reopen()
            case .gone:
                live.withLock { $0 = nil }
                return .failed(SnapshotError.fileMissing(path: url.path).description)
            }
        } catch {
            live.withLock { $0 = nil }
            return .failed(current.snapshot.explain(error).description)
        }
    }

    /// Opens the path again after the file was replaced, went away or was unusable. The summaries start
    /// over: a file restored at the same path can reuse the old inode, so the file's identity alone cannot
    /// tell that its past days changed.
    private func reopen() -> SnapshotPoll {
        summaries.invalidate()
        do {
            let fresh = try Self.open(url, config, scope, summaries)
            live.withLock { $0 = fresh }
            return .changed
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func currentLive() throws -> Live {
        if let current = live.withLock({ $0 }) { return current }
        summaries.invalidate()  // the snapshot was dropped as unusable: trust nothing cached from it
        let fresh = try Self.open(url, config, scope, summaries)
        live.withLock { $0 = fresh }
        return fresh
    }

    private static func open(_ url: URL, _ config: AnalyticsConfig, _ scope: Scope?,
                             _ summaries: PastDaySummaries) throws -> Live {
        let snapshot = try Snapshot.open(at: url)
        let engine = AnalyticsEngine(snapshot: snapshot, config: config, scope: scope, summaries: summaries)
        return Live(snapshot: snapshot, watcher: SnapshotWatcher(snapshot: snapshot), engine: engine)
    }
}
