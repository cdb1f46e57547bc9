import ReportModel

/// One search-index entry as it travels: the node and its path (the folded keys are recomputed on arrival).
public struct WireSearchEntry: Codable, Sendable, Equatable {
    /// The unit, school or class.
    public var node: NodeRef
    /// Its path from the root of the scope.
    public var path: [NodeRef]

    /// The wire form of an entry.
    public init(_ entry: SearchEntry) {
        node = entry.node
        path = entry.path
    }

    /// The entry as the console uses it.
    public var entry: SearchEntry { SearchEntry(node: node, path: path) }
}
