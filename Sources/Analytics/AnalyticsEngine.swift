import Foundation
import GRDB
import ReportModel
import SectorData

/// Computes indicator reports, lookups, search and alerts over a read-only snapshot, within the caller's scope.
///
/// Every public call runs in exactly one read transaction (`source.read`) and holds nothing between calls,
/// so all figures of one result come from the same database state and the replicator's checkpoints are not
/// starved. The engine is a value: cheap to copy, safe to share across tasks.
///
/// Rollups (totals, children, alerts, search) count active schools only; a closed school can still be opened
/// by code. Snapshot timestamps are compared as text, so they must be UTC `YYYY-MM-DDTHH:MM:SSZ` (schema v1).
public struct AnalyticsEngine: Sendable {
    /// Where the figures are read from, one read transaction per call.
    package let source: any SnapshotReader
    /// Thresholds and benchmarks (local policy).
    public let config: AnalyticsConfig
    /// The caller's scope; nil = the whole province.
    public let scope: Scope?
    /// The live caches kept across calls (`LiveCaches`) (nil = every call aggregates raw rows).
    public let summaries: LiveCaches?
    /// Identifies the snapshot file the summaries belong to (a different key empties them).
    public let summaryKey: String
    /// True when the as-of passed to `report`, `trend` and `alerts` is this server's clock (the console, `report`
    /// without `--as-of`): a snapshot whose data time is ahead of it is then clock skew, reported and judged at
    /// the data's time (`ClockSkew`). False (the default): as-of is a chosen instant, and an as-of before the
    /// publication is a replay.
    public var asOfIsServerClock = false
    /// The snapshot's validated `meta` when the engine was made from a `Snapshot` (nil: read in each transaction).
    let metadata: SnapshotMetadata?

    /// Creates an engine over a validated snapshot (SectorData's `Snapshot.open(at:)`).
    /// Pass `summaries` (kept by the caller across refreshes) to reuse past-day summaries; they are keyed by the
    /// file's device and inode, so a publish-by-rename starts them afresh.
    public init(snapshot: Snapshot, config: AnalyticsConfig = AnalyticsConfig(), scope: Scope? = nil,
                summaries: LiveCaches? = nil) {
        self.init(source: snapshot, config: config, scope: scope, summaries: summaries,
                  summaryKey: "\(snapshot.path)#\(snapshot.identity.device):\(snapshot.identity.inode)",
                  metadata: snapshot.metadata)
    }

    /// Creates an engine over a GRDB reader opened read-only (tests and tools; see `openSnapshot(path:)`).
    package init(reader: any DatabaseReader, config: AnalyticsConfig = AnalyticsConfig(), scope: Scope? = nil) {
        self.init(source: DatabaseReaderSource(reader: reader), config: config, scope: scope)
    }

    /// Creates an engine over any snapshot reader.
    /// `summaries` with `summaryKey` naming the snapshot file (see `init(snapshot:config:scope:summaries:)`).
    package init(source: any SnapshotReader, config: AnalyticsConfig = AnalyticsConfig(), scope: Scope? = nil,
                summaries: LiveCaches? = nil, summaryKey: String = "") {
        self.init(source: source, config: config, scope: scope, summaries: summaries, summaryKey: summaryKey,
                  metadata: nil)
    }

    private init(source: any SnapshotReader, config: AnalyticsConfig, scope: Scope?, summaries: LiveCaches?,
                 summaryKey: String, metadata: SnapshotMetadata?) {
        self.source = source
        self.config = config
        self.scope = scope
        self.summaries = summaries
        self.summaryKey = summaryKey
        self.metadata = metadata
    }

    /// The report builder for this transaction, with the live caches refreshed when they are in use (they need
    /// an index on `attendance(day, recorded_at, …)`, the contract's `idx_attendance_day_recorded`; without it
    /// every call aggregates raw rows). The caches' inputs are read once here (`RefreshInputs`).
    private func builder(_ context: Context, _ db: Database) throws -> ReportBuilder {
        var builder = context.builder(db, config: config)
        guard let summaries, !context.day.isBeforeSchoolYear, !context.day.isReplay,
              try ContextQueries.hasRecordedIndex(db),
              let inputs = try RefreshInputs.read(db, caches: summaries, tokens: context.tokens, identity: summaryKey,
                                                  day: context.day) else { return builder }
        let minDays = FigureQueries(db: db, filter: .all, day: context.day, config: config).chronicMinDays
        builder.today = try summaries.refresh(db, inputs, chronicMinDays: minDays)
        builder.live = inputs
        return builder
    }

    /// Opens a snapshot file read-only (SQLITE_OPEN_READONLY, trusted_schema=OFF, no mmap) without validating
    /// it: for tests and tools. Production code opens with SectorData's `Snapshot.open(at:)`.
    package static func openSnapshot(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            try db.execute(sql: "PRAGMA mmap_size = 0")
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    // MARK: Reports

    /// The figures of a node (nil = the root of the user's scope), its children and its alerts at `asOf`.
    ///
    /// "Today" is the as-of instant's local date in `meta.timezone`; attendance counts rows recorded at or
    /// before as-of, probes measured at or before as-of, devices seen within the window before as-of.
    /// Days before the report day (trend points, chronic-absence counts) count every row the snapshot has for
    /// them, late corrections included: past days depend only on the snapshot, never on as-of.
    /// `includeTrend: false` skips the 30-day trend (the costliest query; `eduioc report --json` does not show it).
    /// Throws `notInYourArea` for a node outside the scope or absent (`notFound` when unscoped).
    public func report(for node: NodeRef?, asOf: Date, includeTrend: Bool = true) throws -> NodeReport {
        try source.read { db in
            let context = try Context.load(db, scope: scope, asOf: asOf, trees: summaries?.roster,
                                           serverClock: asOfIsServerClock)
            let resolved = try node.map { try context.tree.resolve(ref: $0, db: db) } ?? context.tree.root
            let result = try builder(context, db)
                .build(resolved, includeChildren: true, includeTrend: includeTrend)
            var report = NodeReport(asOf: asOf, publishedAt: context.publishedAt, path: context.tree.path(to: resolved),
                                    figures: result.figures, children: result.children, alerts: result.alerts,
                                    timeZoneIdentifier: context.zone.identifier, clockSkewSeconds: context.skew.seconds)
            report.schoolsNotReporting = result.notReporting
            return report
        }
    }

    /// Only the last (up to) 30 school days' attendance trend of a node (nil = the root of the user's scope),
    /// oldest first; for refreshing the trend less often than the headline figures. Same rules as `report`.
    public func trend(for node: NodeRef?, asOf: Date) throws -> [DayRate] {
        try source.read { db in
            let context = try Context.load(db, scope: scope, asOf: asOf, trees: summaries?.roster,
                                           serverClock: asOfIsServerClock)
            let resolved = try node.map { try context.tree.resolve(ref: $0, db: db) } ?? context.tree.root
            return try builder(context, db).trendOnly(resolved)
        }
    }

    /// Alerts for everything in the user's scope at `asOf`, most severe first.
    public func alerts(asOf: Date) throws -> [Alert] {
        try source.read { db in
            let context = try Context.load(db, scope: scope, asOf: asOf, trees: summaries?.roster,
                                           serverClock: asOfIsServerClock)
            return try builder(context, db)
                .build(context.tree.root, includeChildren: false, includeTrend: false).alerts
        }
    }

    // MARK: Lookup and search

    /// The province's code: validated when the snapshot was opened (a different file means a new engine), else
    /// read from `meta` in this transaction.
    func provinceCode(_ db: Database) throws -> String? {
        try metadata?.provinceCode ?? Context.meta(db)["province_code"]
    }

    /// The root of the user's tree: the province, or the single unit or school of a one-code scope.
    public func root() throws -> NodeRef {
        try source.read { db in
            let tree = try ProvinceTree.load(db, provinceCode: provinceCode(db), scope: scope)
            return tree.ref(tree.root)
        }
    }

    /// The node for a unit code, a school code or "SCHOOLCODE/CLASSNAME" (codes match case-insensitively).
    /// Throws `notInYourArea` outside the scope or when absent (`notFound` when unscoped).
    public func node(code: String) throws -> NodeRef {
        try source.read { db in
            let tree = try ProvinceTree.load(db, provinceCode: provinceCode(db), scope: scope)
            return tree.ref(try tree.resolve(code: code, db: db))
        }
    }

    /// In-scope active schools whose name or code matches every word of `query`, ignoring case and accents.
    /// Best first: exact code, name starting with the query, a word starting with it, then any match.
    public func schools(matching query: String, limit: Int = 20) throws -> [NodeRef] {
        let folded = SearchKey.fold(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        return try source.read { db in
            let tree = try ProvinceTree.load(db, provinceCode: provinceCode(db), scope: scope)
            let candidates = tree.schools.values.filter { $0.active && tree.isVisible(school: $0) }
                .map { (ref: tree.ref($0), name: SearchKey.fold($0.name), code: SearchKey.fold($0.code)) }
            return Self.rank(candidates, folded: folded, limit: limit)
        }
    }

    /// In-scope admin units whose name or code matches every word of `query`, ignoring case and accents.
    public func units(matching query: String, limit: Int = 20) throws -> [NodeRef] {
        let folded = SearchKey.fold(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        return try source.read { db in
            let tree = try ProvinceTree.load(db, provinceCode: provinceCode(db), scope: scope)
            let candidates = tree.units.values.filter { tree.isVisible(unit: $0) }
                .map { (ref: tree.ref($0), name: SearchKey.fold($0.name), code: SearchKey.fold($0.code)) }
            return Self.rank(candidates, folded: folded, limit: limit)
        }
    }

    private static func rank(_ candidates: [(ref: NodeRef, name: String, code: String)], folded: String,
                             limit: Int) -> [NodeRef] {
        var scored: [(score: Int, name: String, ref: NodeRef)] = []
        for c in candidates {
            let score: Int
            if c.code == folded { score = 0 }
            else if c.name.hasPrefix(folded) { score = 1 }
            else if c.name.contains(" " + folded) { score = 2 }
            else if c.code.hasPrefix(folded) { score = 3 }
            else if SearchKey.matches(c.name, query: folded) { score = 4 }
            else { continue }
            scored.append((score, c.name, c.ref))
        }
        scored.sort { ($0.score, $0.name, $0.ref.code) < ($1.score, $1.name, $1.ref.code) }
        return scored.prefix(limit).map(\.ref)
    }
}
