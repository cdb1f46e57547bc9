import Analytics
import ConsoleApp
import Foundation
import ReportModel
import SectorData
import Synchronization

/// The real data source: a validated snapshot, its change watcher and the analytics engine.
///
/// It reopens the path after a publish-by-rename, and when the snapshot goes bad it drops it and keeps
/// trying on each poll, so the console recovers by itself when a good file returns. Between calls it holds
/// no connection and no lock on the file (see `Snapshot`), so it never stalls a replicator; a call that
/// meets a replicator's lock waits at most the busy timeout, then fails with "locked by a writer" and keeps
/// the snapshot and its caches for the retry.
public final class SnapshotDataSource: DashboardDataSource {
    private struct Live: Sendable {
        var snapshot: Snapshot
        var watcher: SnapshotWatcher
        var engine: AnalyticsEngine
        /// A change in place was seen but not yet checked (a writer's lock outlasted the check): check first.
        var unchecked = false
        /// Opened by a request rather than by ``pollForChange()`` (a file renamed over the path was found first by a
        /// search index, trend or drill request): the watcher starts from this file, so the next poll must say
        /// `.changed` itself, or the dashboard computed from the file before stays on screen until the next commit.
        var unannounced = false
    }

    private let url: URL
    private let config: AnalyticsConfig
    /// The user's scope and how many times it changed while running.
    private let scoping: Mutex<(scope: Scope?, change: AccessChange?)>
    private let live: Mutex<Live?>
    /// Past-day summaries kept across refreshes and reopenings (they re-key themselves on a new file).
    public let summaries: PastDaySummaries
    /// Whether the summaries started from the store's file (an earlier run's).
    public let restoredSummaries: Bool
    /// Where the summaries are kept between runs (nil: not kept).
    private let store: SummaryStore?
    /// The summaries' revision when last saved, and when.
    private let saved: Mutex<(revision: (material: Int, today: Int)?, at: ContinuousClock.Instant?)>
    /// Today's rows alone are saved at most this often (everything else as soon as it changed).
    private static let todaySaveInterval: Duration = .seconds(300)

    /// Opens the snapshot at `url`; throws a one-line `SnapshotError` when it is unusable.
    /// With a `store`, the summaries start from its file for this snapshot and are saved back as they change.
    public init(url: URL, config: AnalyticsConfig, scope: Scope?, store: SummaryStore? = nil) throws {
        self.url = url
        self.config = config
        scoping = Mutex((scope, nil))
        self.store = store
        let summaries = PastDaySummaries()
        let restored = store?.restore(summaries, snapshotPath: url.path) ?? false
        self.summaries = summaries
        restoredSummaries = restored
        saved = Mutex(restored ? (summaries.revision, ContinuousClock.now) : (nil, nil))
        live = Mutex(try Self.open(url, config, scope, summaries))
    }

    /// Saves the summaries when the past days, absences or roster changed since the last save, or today's rows
    /// did and the last save is older than `todaySaveInterval`. A failure only costs the next start its head start.
    private func saveSummariesIfDue() {
        guard let store else { return }
        let revision = summaries.revision
        let now = ContinuousClock.now
        let due = saved.withLock { last -> Bool in
            guard let previous = last.revision, let at = last.at else { return true }
            if previous.material != revision.material { return true }
            return previous.today != revision.today && at.duration(to: now) >= Self.todaySaveInterval
        }
        guard due else { return }
        _ = try? store.save(summaries, snapshotPath: url.path)
        saved.withLock { $0 = (revision, now) }
    }

    private var scope: Scope? { scoping.withLock { $0.scope } }

    public var accessChange: AccessChange? { scoping.withLock { $0.change } }

    /// Answers for `scope` from now on (the access file was edited while the console runs), described on screen by
    /// `label` and exporting to `exportDirectory`: the next call reads under it; a call already under way may still
    /// answer for the old one, tagged with the old revision. The console sees the change at its next poll.
    public func changeScope(to scope: Scope?, label: String?, exportDirectory: String?) {
        live.withLock { current in
            scoping.withLock {
                $0 = (scope, AccessChange(revision: ($0.change?.revision ?? 0) + 1, scopeLabel: label,
                                          exportDirectory: exportDirectory))
            }
            guard let old = current else { return }
            current?.engine = Self.engine(old.snapshot, config, scope, summaries)
        }
    }

    /// The province's timezone from the snapshot first opened.
    public var timeZone: TimeZone { live.withLock { $0?.snapshot.timeZone } ?? TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current }

    public func report(for node: NodeRef?, asOf: Date) throws -> NodeReport {
        try report(for: node, asOf: asOf, scope: scope)
    }

    /// The report of `node` for a `scope` other than this source's own, from the same snapshot, caches and
    /// summaries (`eduioc serve` answers every official from one source).
    public func report(for node: NodeRef?, asOf: Date, scope: Scope?) throws -> NodeReport {
        let current = try currentLive()
        if current.unchecked {
            do {
                try current.snapshot.revalidate()
            } catch {
                if case .busy = error { throw error }
                live.withLock { $0 = nil }
                throw error
            }
            live.withLock { if $0?.snapshot === current.snapshot { $0?.unchecked = false } }
        }
        do {
            let report = try current.engine.scoped(scope).report(for: node, asOf: asOf)
            saveSummariesIfDue()
            return report
        } catch AnalyticsError.notInYourArea(let code) {
            throw DashboardDataError.notInYourArea(code)
        } catch let error as AnalyticsError {
            guard case .invalidSnapshot = error else { throw DashboardDataError.userFacing(error.description) }
            live.withLock { $0 = nil }  // the snapshot itself is bad: reopen on the next poll
            throw error
        } catch {
            let explained = current.snapshot.explain(error)
            if case .busy = explained { throw explained }  // a writer's lock: retry on the same snapshot
            live.withLock { $0 = nil }  // reopen on the next poll
            throw explained
        }
    }

    public func dataQuality(asOf: Date) throws -> DataQualityReport {
        try dataQuality(asOf: asOf, scope: scope)
    }

    /// Whether `scope`'s report of `node` is the unscoped one with a cut breadcrumb (see `AnalyticsEngine.wholeNode`).
    public func wholeNode(for node: NodeRef?, scope: Scope?) throws -> WholeNode? {
        try currentLive().engine.scoped(scope).wholeNode(for: node)
    }

    /// The data-quality list for another `scope` (see `report(for:asOf:scope:)`).
    public func dataQuality(asOf: Date, scope: Scope?) throws -> DataQualityReport {
        let current = try currentLive()
        do {
            return try current.engine.scoped(scope).dataQuality(asOf: asOf)
        } catch let error as AnalyticsError {
            throw DashboardDataError.userFacing(error.description)
        } catch {
            throw current.snapshot.explain(error)
        }
    }

    public func checkInCurve(for node: NodeRef?, asOf: Date) throws -> CheckInCurve? {
        try currentLive().engine.checkInCurve(for: node, asOf: asOf)
    }

    /// The check-in curve for another `scope` (see `report(for:asOf:scope:)`): a node outside it is `notInYourArea`.
    public func checkInCurve(for node: NodeRef?, asOf: Date, scope: Scope?) throws -> CheckInCurve {
        do {
            return try currentLive().engine.scoped(scope).checkInCurve(for: node, asOf: asOf)
        } catch AnalyticsError.notInYourArea(let code) {
            throw DashboardDataError.notInYourArea(code)
        } catch AnalyticsError.notFound(let code) {
            throw scope == nil ? DashboardDataError.noSuchNode(code) : DashboardDataError.notInYourArea(code)
        }
    }

    public func searchIndex() throws -> SearchIndex {
        try searchIndex(scope: scope)
    }

    /// The search index of another `scope` (see `report(for:asOf:scope:)`).
    public func searchIndex(scope: Scope?) throws -> SearchIndex {
        try currentLive().engine.scoped(scope).searchIndex()
    }

    public func resolve(_ target: JumpTarget) throws -> NodeRef {
        try resolve(target, scope: scope)
    }

    /// Resolves a jump inside another `scope` (see `report(for:asOf:scope:)`).
    public func resolve(_ target: JumpTarget, scope: Scope?) throws -> NodeRef {
        let engine = try currentLive().engine.scoped(scope)
        let scoped = scope != nil
        func unit(named name: String) throws -> NodeRef {
            guard let unit = try engine.units(matching: name, limit: 1).first else {
                throw scoped ? DashboardDataError.notInYourArea(name) : DashboardDataError.noSuchNode(name)
            }
            return unit
        }
        do {
            switch target {
            case .school(let code): return try engine.node(code: code)
            case .unit(let name): return try unit(named: name)
            case .code(let code):
                do {
                    return try engine.node(code: code)
                } catch AnalyticsError.notFound, AnalyticsError.notInYourArea {
                    // Not a code: try it as a unit name (one word, accent-insensitive).
                    return try unit(named: code)
                }
            }
        } catch AnalyticsError.notInYourArea(let code) {
            throw DashboardDataError.notInYourArea(code)
        } catch AnalyticsError.notFound(let code) {
            throw scoped ? DashboardDataError.notInYourArea(code) : DashboardDataError.noSuchNode(code)
        } catch let error as AnalyticsError {
            throw DashboardDataError.userFacing(error.description)
        }
    }

    public func pollForChange() -> SnapshotPoll {
        let current = live.withLock { $0 }
        guard var current else { return reopen() }
        do {
            let change = try current.watcher.poll()
            live.withLock {
                guard $0?.snapshot === current.snapshot else { return }
                $0?.watcher = current.watcher
                $0?.unannounced = false
            }
            switch change {
            case .unchanged: return current.unannounced ? .changed : .unchanged
            case .changedInPlace:
                // A writer may have truncated the file or changed its version: check before querying it.
                do {
                    try current.snapshot.revalidate()
                } catch {
                    if case .busy = error {  // checked again by the retry while the banner shows
                        live.withLock { if $0?.snapshot === current.snapshot { $0?.unchecked = true } }
                        return .failed(error.description)
                    }
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

    /// Checks a snapshot that failed again without computing a report (the console retries through a report each
    /// second while its banner shows; `eduioc serve` calls this instead): a change seen while a writer held its lock
    /// is validated now. `.changed` when the snapshot is usable, `.failed(reason)` while it is not.
    public func recheck() -> SnapshotPoll {
        do {
            let current = try currentLive()
            if current.unchecked {
                do {
                    try current.snapshot.revalidate()
                } catch {
                    if case .busy = error { return .failed(error.description) }
                    live.withLock { $0 = nil }
                    return .failed(error.description)
                }
                live.withLock { if $0?.snapshot === current.snapshot { $0?.unchecked = false } }
            }
            return .changed
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// Opens the path again after the file was replaced, went away or was unusable. Summaries keyed by the
    /// file's identity start over (a file restored at the same path can reuse the old inode); summaries keyed by
    /// the snapshot's lineage are checked against the new file's change tokens and day marks instead.
    private func reopen() -> SnapshotPoll {
        summaries.snapshotReopened()
        do {
            install(try Self.open(url, config, scope, summaries))
            return .changed
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func currentLive() throws -> Live {
        // A file renamed over the path since the last poll is opened now (the old one is not read any more).
        if let current = live.withLock({ $0 }),
           (try? FileIdentity.current(atPath: url.path))??.isSameFile(as: current.snapshot.identity) != false {
            return current
        }
        summaries.snapshotReopened()  // the snapshot was dropped as unusable: check everything cached from it
        var fresh = try Self.open(url, config, scope, summaries)
        fresh.unannounced = true
        return install(fresh)
    }

    /// Makes `fresh` the live snapshot, its engine under the scope as it is now (it may have changed while the
    /// file was opened).
    @discardableResult
    private func install(_ fresh: Live) -> Live {
        live.withLock { current in
            var fresh = fresh
            let now = scoping.withLock { $0.scope }
            if now != fresh.engine.scope { fresh.engine = Self.engine(fresh.snapshot, config, now, summaries) }
            current = fresh
            return fresh
        }
    }

    private static func open(_ url: URL, _ config: AnalyticsConfig, _ scope: Scope?,
                             _ summaries: PastDaySummaries) throws -> Live {
        let snapshot = try Snapshot.open(at: url)
        return Live(snapshot: snapshot, watcher: SnapshotWatcher(snapshot: snapshot),
                    engine: engine(snapshot, config, scope, summaries))
    }

    private static func engine(_ snapshot: Snapshot, _ config: AnalyticsConfig, _ scope: Scope?,
                               _ summaries: PastDaySummaries) -> AnalyticsEngine {
        var engine = AnalyticsEngine(snapshot: snapshot, config: config, scope: scope, summaries: summaries)
        engine.asOfIsServerClock = true  // the console's as-of is this server's wall clock
        return engine
    }
}
