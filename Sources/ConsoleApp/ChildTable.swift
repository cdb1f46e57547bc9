import Analytics

/// The rows of the children table after filtering and sorting: derived from state, never stored.
public struct ChildTable: Sendable {
    /// The level of the rows (units, schools or classes).
    public let level: NodeLevel
    /// The visible columns.
    public let columns: [ChildColumn]
    /// The visible rows, in display order.
    public let rows: [NodeFigures]

    /// Filters `children` by the accent-insensitive `filter` and sorts them by `sort`; `wide` adds detail columns.
    public init(children: [NodeFigures], filter: String, sort: SortOrder, wide: Bool = false) {
        let level = children.first?.node.level ?? .school
        self.level = level
        let columns = ChildColumn.columns(for: level, wide: wide)
        self.columns = columns
        let needle = SearchKey.fold(filter).split(separator: " ").map(String.init)
        let kept = needle.isEmpty ? children : children.filter { child in
            let hay = SearchKey.fold(child.node.name + " " + child.node.code)
            return needle.allSatisfy { hay.contains($0) }
        }
        let column = columns.contains(sort.column) ? sort.column : .name
        self.rows = kept.enumerated().sorted { a, b in
            let va = column.sortValue(a.element), vb = column.sortValue(b.element)
            if va == vb { return a.offset < b.offset }
            switch (va, vb) {
            case (.missing, _): return false
            case (_, .missing): return true
            default: return sort.descending ? vb < va : va < vb
            }
        }.map(\.element)
    }
}
