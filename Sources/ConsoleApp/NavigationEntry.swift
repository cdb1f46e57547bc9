import ReportModel

/// One level of the drill-down stack: the node shown, where the selection was and the filter in use.
public struct NavigationEntry: Sendable, Hashable {
    /// The node; nil is the root of the user's scope.
    public var node: NodeRef?
    /// The selected row of the children table.
    public var selectedRow: Int
    /// The first visible row of the children table.
    public var scrollOffset: Int
    /// The `/` filter that was on this level's table when the user drilled further (restored on the way back).
    public var filter: String
    /// Creates an entry.
    public init(node: NodeRef?, selectedRow: Int = 0, scrollOffset: Int = 0, filter: String = "") {
        self.node = node
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.filter = filter
    }
}
