import Analytics

/// One level of the drill-down stack: the node shown and where the selection was.
public struct NavigationEntry: Sendable, Hashable {
    /// The node; nil is the root of the user's scope.
    public var node: NodeRef?
    /// The selected row of the children table.
    public var selectedRow: Int
    /// The first visible row of the children table.
    public var scrollOffset: Int
    /// Creates an entry.
    public init(node: NodeRef?, selectedRow: Int = 0, scrollOffset: Int = 0) {
        self.node = node
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
    }
}
