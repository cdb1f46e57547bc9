extension SearchIndex {
    /// An index over `entries` (each with its whole path), made compact: an entry's parent is the entry whose own
    /// path and node make up that path, and ancestors that are no entry (the top of the scope) are stored once per
    /// distinct path. Every entry's `path(of:)` equals the path it came with, even when paths disagree.
    public init(entries: [SearchEntry]) {
        var builder = Builder(entries: entries)
        let parents = entries.map { builder.slot(for: $0.path[...]) }
        let rootCount = builder.ancestors.count
        func position(_ slot: Builder.Slot?) -> Int32 {
            switch slot {
            case nil: return -1
            case .entry(let index): return Int32(rootCount + index)
            case .ancestor(let index): return Int32(index)
            }
        }
        let allParents = builder.ancestorParents.map(position) + parents.map(position)
        let nodes = builder.ancestors + entries.map(\.node)
        // Well formed by construction: a slot's chain is one node shorter than the path it stands for.
        self.init(checked: nodes, parents: allParents, rootCount: rootCount, foldedNames: entries.map(\.foldedName),
                  foldedCodes: entries.map(\.foldedCode))
    }

    /// Finds or makes the node that stands for a whole path.
    private struct Builder {
        enum Slot: Hashable { case entry(Int), ancestor(Int) }
        let entries: [SearchEntry]
        var entryByNode: [NodeRef: Int] = [:]
        var ancestors: [NodeRef] = []
        var ancestorParents: [Slot?] = []
        var memo: [ArraySlice<NodeRef>: Slot] = [:]

        init(entries: [SearchEntry]) {
            self.entries = entries
            for (index, entry) in entries.enumerated() where entryByNode[entry.node] == nil { entryByNode[entry.node] = index }
        }

        /// The slot whose chain of parents, with itself last, is `path`; nil for the empty path.
        mutating func slot(for path: ArraySlice<NodeRef>) -> Slot? {
            guard let last = path.last else { return nil }
            if let known = memo[path] { return known }
            let above = path.dropLast()
            let slot: Slot
            if let index = entryByNode[last], entries[index].path[...] == above {
                slot = .entry(index)
            } else {
                let parent = self.slot(for: above)
                ancestors.append(last)
                ancestorParents.append(parent)
                slot = .ancestor(ancestors.count - 1)
            }
            memo[path] = slot
            return slot
        }
    }
}
