import ReportModel
import ConsoleCore
import Foundation

/// The whole state of the console. Rendering is a pure function of it; only `update` changes it.
public struct AppState: Sendable {
    /// Display language.
    public var language: Language
    /// Names of the available themes, and which one is in use.
    public var themeNames: [String]
    public var themeIndex: Int
    /// The terminal size.
    public var size: Size
    /// The current wall-clock time (ticks once a second), for the clock and the data age.
    public var now: Date
    /// The province's timezone, for the clock and day labels.
    public var timeZone: TimeZone
    /// Thresholds for colouring attendance rates (from the analytics configuration).
    public var attendanceBands: RateBands
    /// Thresholds for colouring completeness (from the analytics configuration).
    public var completenessBands: RateBands
    /// A short description of the user's scope, e.g. "Xã Thanh Hà"; nil when province-wide.
    public var scopeLabel: String?

    /// The data source's scope revision the screen's data belongs to (results from an older one are dropped).
    public var scopeRevision: Int = 0

    /// The drill-down stack; the first entry is the root of the scope, the last is on screen.
    public var stack: [NavigationEntry]
    /// The last good report for the node on screen (kept while newer data loads or the snapshot is broken).
    public var report: NodeReport?
    /// The generation of the newest load requested; results tagged with an older one are dropped.
    public var requestedGeneration: Int
    /// True while a load for `requestedGeneration` is under way.
    public var loading: Bool
    /// Why the data is not current, if it is not.
    public var problem: SnapshotProblem?
    /// A transient one-line message (e.g. "HD-THCS-0999: không thuộc phạm vi của bạn").
    public var message: String?

    /// The children table's filter text and sort order.
    public var filterText: String
    public var sort: SortOrder
    /// The open text prompt, if any, and its text (for `:` jump).
    public var prompt: PromptMode?
    public var promptText: String
    /// The open overlay, if any.
    public var overlay: OpenOverlay?
    /// The data-quality list last checked (nil until `d` asks, and while it is checked again).
    public var dataQuality: DataQualityReport? = nil
    /// Live updates paused by the user.
    public var paused: Bool
    /// Set when the user asked to quit.
    public var shouldQuit: Bool
    /// Where `e` writes the table as CSV; nil = export not allowed (e.g. an SSH account without an export directory).
    public var exportDirectory: String?
    /// Every unit, school and class in the user's scope, for `/` search and `:` completion (nil until loaded).
    public var searchIndex: SearchIndex?
    /// Counts the indexes received, so results are recomputed when a new one arrives.
    public var searchIndexVersion: Int
    /// True when the search index should be (re)loaded with the next report (at start and after a publication).
    public var searchIndexWanted: Bool
    /// The highlighted row of the search results or completions.
    public var searchSelected: Int
    /// The data is stale past this many minutes since publication, or without any change seen to the snapshot
    /// (the analytics configuration's limit).
    public var staleAfterMinutes: Int
    /// When the console last saw the snapshot change (or first loaded it); nil before the first report.
    public var lastDataChange: Date?
    /// The search results and the prompt they were computed for.
    var search = SearchState()
    /// The first line of the help overlay shown (it scrolls when taller than the screen).
    public var helpScroll: Int
    /// The wall mode's page and rotation; nil in the console.
    public var wall: WallState? = nil
    /// The report before the one on screen (same node), kept to say what changed.
    public var previousReport: NodeReport? = nil
    /// What changed at the last refresh that changed anything, and when (nil after moving to another node).
    public var changes: ReportChanges? = nil
    /// The check-in curve of the node on screen, for the wall (nil until read, or from a source without it).
    public var checkIn: CheckInCurve? = nil
    /// When the curve was last asked for, and for which node's code: it is read at most once a minute.
    public var checkInAsked: (at: Date, code: String?)? = nil
    /// The wall's rotation interval, kept when `w` leaves the wall so coming back rotates again.
    public var wallRotateSeconds: Int? = nil
    /// When the load under way started; the loading note shows only for loads slower than `loadingNoteDelay`.
    public var loadingSince: Date?

    /// The smallest terminal the dashboard is drawn in; smaller gets a "please enlarge" message.
    public static let minimumSize = Size(columns: 60, rows: 16)

    /// A fresh state at the root of the scope, nothing loaded yet.
    public init(language: Language = .vi, themeNames: [String] = ["default"], themeIndex: Int = 0,
                size: Size, now: Date, timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current,
                scopeLabel: String? = nil) {
        self.timeZone = timeZone
        self.attendanceBands = .attendance(AttendancePolicy())
        self.completenessBands = .completeness(AttendancePolicy())
        self.language = language
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        self.themeIndex = min(max(0, themeIndex), max(0, themeNames.count - 1))
        self.size = size
        self.now = now
        self.scopeLabel = scopeLabel
        self.stack = [NavigationEntry(node: nil)]
        self.report = nil
        self.requestedGeneration = 0
        self.loading = false
        self.problem = nil
        self.message = nil
        self.filterText = ""
        self.sort = SortOrder()
        self.prompt = nil
        self.promptText = ""
        self.overlay = nil
        self.paused = false
        self.shouldQuit = false
        self.exportDirectory = nil
        self.searchIndex = nil
        self.searchIndexWanted = true
        self.searchIndexVersion = 0
        self.searchSelected = 0
        self.staleAfterMinutes = 30
        self.lastDataChange = nil
        self.loadingSince = nil
        self.helpScroll = 0
    }

    /// A load must take this long before "Loading…" is shown, so quick refreshes do not flicker.
    public static let loadingNoteDelay: TimeInterval = 1

    /// Whether to show the loading note: a load is under way and has taken longer than `loadingNoteDelay`
    /// (or nothing was ever loaded).
    public var showsLoading: Bool {
        guard loading else { return false }
        guard report != nil, let since = loadingSince else { return true }
        return now.timeIntervalSince(since) >= Self.loadingNoteDelay
    }

    /// Minutes since the snapshot was published (nil when unknown).
    public var dataAgeMinutes: Int? {
        report?.publishedAt.map { max(0, Int(now.timeIntervalSince($0) / 60)) }
    }

    /// Minutes since the console last saw the snapshot change (nil before the first report).
    public var unchangedMinutes: Int? {
        lastDataChange.map { max(0, Int(now.timeIntervalSince($0) / 60)) }
    }

    /// Why the data is stale, when it is: `published_at` older than the limit, else no change seen for longer
    /// than the limit (so a `published_at` in the future cannot keep frozen data looking fresh).
    public var staleReason: StaleReason? {
        guard staleAfterMinutes > 0 else { return nil }
        if let age = dataAgeMinutes, age > staleAfterMinutes { return .published }
        if let last = lastDataChange, now.timeIntervalSince(last) > Double(staleAfterMinutes) * 60 { return .unchanged }
        return nil
    }

    /// The instant the stale data dates from (publication, or the last change seen) and its age in minutes.
    public var staleAnchor: (since: Date, minutes: Int)? {
        switch staleReason {
        case .published?: return report?.publishedAt.map { ($0, dataAgeMinutes ?? 0) }
        case .unchanged?: return lastDataChange.map { ($0, unchangedMinutes ?? 0) }
        case nil: return nil
        }
    }

    /// How stale the data on screen is: nil while fresh, `.warning` past the limit, `.critical` past twice it
    /// (or when the snapshot is unusable).
    public var staleness: AlertSeverity? {
        if problem != nil { return .critical }
        guard let anchor = staleAnchor else { return nil }
        return anchor.minutes > 2 * staleAfterMinutes ? .critical : .warning
    }

    /// Minutes (to the nearest) the snapshot's data time is ahead of this server's clock, when the report found
    /// clock skew.
    public var clockSkewMinutes: Int? {
        report?.clockSkewSeconds.map { max(1, ($0 + 30) / 60) }
    }

    /// The search results or `:` completions for the open prompt (empty when no prompt or no index), kept in
    /// state by `update` so a frame never searches.
    public internal(set) var searchHits: [SearchEntry] {
        get { search.hits }
        set { search.hits = newValue }
    }

    /// The results for the prompt as it is now, computed from the index.
    func computeSearchHits() -> [SearchEntry] {
        guard let prompt, let searchIndex else { return [] }
        switch prompt {
        case .filter: return searchIndex.search(filterText, limit: Self.searchLimit)
        case .jump:
            let query = JumpQuery(promptText)
            return searchIndex.search(query.argument, levels: query.levels, limit: Self.searchLimit)
        }
    }

    /// The alerts under the node on screen, most severe first, then longest lasting.
    public var sortedAlerts: [Alert] { AlertText.sorted(report?.alerts ?? []) }

    /// At most this many search results are listed.
    public static let searchLimit = 200

    /// The entry on screen.
    public var current: NavigationEntry {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    /// The theme in use.
    public var themeName: String { themeNames[min(themeIndex, themeNames.count - 1)] }

    /// The children table as shown (filtered and sorted); empty until a report for this node arrives.
    public var table: ChildTable {
        ChildTable(children: reportMatchesCurrent ? (report?.children ?? []) : [], filter: filterText, sort: sort,
                   width: size.columns, language: language)
    }

    /// Whether the report held is for the node on screen (it may still be the previous node's while loading).
    public var reportMatchesCurrent: Bool {
        guard let report else { return false }
        guard let node = current.node else { return stack.count == 1 }
        return report.figures.node.code == node.code && report.figures.node.level == node.level
    }

    /// Changed figures and cells stay highlighted this many seconds after the refresh that changed them.
    public static let highlightSeconds: TimeInterval = 5

    /// Whether the last changes are still highlighted.
    public var isHighlighting: Bool {
        guard let changes, !changes.isEmpty else { return false }
        return now.timeIntervalSince(changes.at) < Self.highlightSeconds
    }

    /// Whether the terminal is too small for the dashboard.
    public var isTooSmall: Bool {
        size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
    }
}
