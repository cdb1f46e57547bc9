import ReportModel

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
        self.init(children: children, filter: filter, sort: sort, columns: ChildColumn.columns(for: level, wide: wide))
    }

    /// The same for a screen `width` columns wide: the columns that fit, the name first and widest.
    public init(children: [NodeFigures], filter: String, sort: SortOrder, width: Int, language: Language) {
        let level = children.first?.node.level ?? .school
        self.init(children: children, filter: filter, sort: sort,
                  columns: ChildColumn.columns(for: level, width: width, language: language))
    }

    private init(children: [NodeFigures], filter: String, sort: SortOrder, columns: [ChildColumn]) {
        let level = children.first?.node.level ?? .school
        self.level = level
        self.columns = columns
        let needle = SearchKey.fold(filter).split(separator: " ").map(String.init)
        let kept = needle.isEmpty ? children : children.filter { child in
            let hay = SearchKey.fold(child.node.name + " " + child.node.code)
            return needle.allSatisfy { hay.contains($0) }
        }
        let column = Self.sortColumn(sort, in: columns)
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

    /// The column the rows are sorted by: the chosen one when shown, else the name (so an arrow always shows).
    public func shownSortColumn(_ sort: SortOrder) -> ChildColumn { Self.sortColumn(sort, in: columns) }

    /// The column actually sorted by: `sort.column` when it is among `columns`, else the name.
    static func sortColumn(_ sort: SortOrder, in columns: [ChildColumn]) -> ChildColumn {
        columns.contains(sort.column) ? sort.column : .name
    }
}
