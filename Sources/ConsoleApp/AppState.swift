import Analytics
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
    /// Thresholds for colouring completeness.
    public var completenessBands: RateBands
    /// A short description of the user's scope, e.g. "Xã Thanh Hà"; nil when province-wide.
    public var scopeLabel: String?

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

    /// The smallest terminal the dashboard is drawn in; smaller gets a "please enlarge" message.
    public static let minimumSize = Size(columns: 60, rows: 16)

    /// A fresh state at the root of the scope, nothing loaded yet.
    public init(language: Language = .vi, themeNames: [String] = ["default"], themeIndex: Int = 0,
                size: Size, now: Date, timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current,
                scopeLabel: String? = nil) {
        self.timeZone = timeZone
        self.attendanceBands = RateBands()
        self.completenessBands = RateBands(ok: 0.95, warn: 0.80)
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
    }

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
                   wide: size.columns >= ChildColumn.wideScreenColumns)
    }

    /// Whether the report held is for the node on screen (it may still be the previous node's while loading).
    public var reportMatchesCurrent: Bool {
        guard let report else { return false }
        guard let node = current.node else { return stack.count == 1 }
        return report.figures.node.code == node.code && report.figures.node.level == node.level
    }

    /// Whether the terminal is too small for the dashboard.
    public var isTooSmall: Bool {
        size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
    }
}
