/// Every unit, school and class a user may open, for search and completion as they type (built by
/// `AnalyticsEngine.searchIndex()`, so the scope is applied where the data is read).
///
/// Compact (issue 15, the thin console's memory): every node is stored once and names its parent by position, so a
/// class does not carry copies of its school's, commune's and province's names; paths are built on demand
/// (`path(of:)`), and each entry's folded keys are computed once, when the index is made.
public struct SearchIndex: Sendable {
    /// Every node: first the `rootCount` ancestors that are not entries (the top of the scope), then the entries —
    /// units, then schools, then classes.
    public let nodes: [NodeRef]
    /// Each node's parent as a position in `nodes`; -1 at the top of the scope.
    public let parents: [Int32]
    /// How many of `nodes` are ancestors only (never a search result).
    public let rootCount: Int
    /// The entries' folded names and codes (`SearchKey.fold`), by entry position.
    let foldedNames: [String]
    let foldedCodes: [String]
    private let byCode: [String: Int32]

    /// The deepest chain of parents a node may have; a deeper or circular chain makes the compact form invalid.
    public static let maxDepth = 64

    /// An index over nodes in compact form, or nil when a parent is out of range or the parents form a cycle or a
    /// chain deeper than `maxDepth`. Folds every entry's name and code once.
    public init?(nodes: [NodeRef], parents: [Int32], rootCount: Int) {
        let folded = nodes[max(0, min(rootCount, nodes.count))...].map { (SearchKey.fold($0.name), SearchKey.fold($0.code)) }
        self.init(nodes: nodes, parents: parents, rootCount: rootCount, foldedNames: folded.map(\.0), foldedCodes: folded.map(\.1))
    }

    /// The compact form with keys already folded; nil when it is malformed (see the public initialiser).
    init?(nodes: [NodeRef], parents: [Int32], rootCount: Int, foldedNames: [String], foldedCodes: [String]) {
        guard (0...nodes.count).contains(rootCount), parents.count == nodes.count,
              foldedNames.count == nodes.count - rootCount, foldedCodes.count == foldedNames.count,
              Self.wellFormed(parents) else { return nil }
        self.init(checked: nodes, parents: parents, rootCount: rootCount, foldedNames: foldedNames, foldedCodes: foldedCodes)
    }

    /// The compact form as given: the caller has checked it (or built it well formed).
    init(checked nodes: [NodeRef], parents: [Int32], rootCount: Int, foldedNames: [String], foldedCodes: [String]) {
        self.nodes = nodes
        self.parents = parents
        self.rootCount = rootCount
        self.foldedNames = foldedNames
        self.foldedCodes = foldedCodes
        var byCode: [String: Int32] = [:]
        byCode.reserveCapacity(nodes.count - rootCount)
        for position in 0..<(nodes.count - rootCount) where byCode[nodes[rootCount + position].code] == nil {
            byCode[nodes[rootCount + position].code] = Int32(position)
        }
        self.byCode = byCode
    }

    /// True when every parent is in range and every chain of parents ends within `maxDepth` steps (no cycle).
    private static func wellFormed(_ parents: [Int32]) -> Bool {
        // depth[i]: 0 unknown, else 1 + the number of ancestors; a chain is walked once, then remembered.
        var depth = [UInt8](repeating: 0, count: parents.count)
        var chain: [Int] = []
        for start in parents.indices where depth[start] == 0 {
            chain.removeAll(keepingCapacity: true)
            var node = start
            var known = 0
            while true {
                if depth[node] != 0 { known = Int(depth[node]); break }
                chain.append(node)
                guard chain.count <= maxDepth else { return false }
                let parent = Int(parents[node])
                if parent == -1 { break }
                guard parents.indices.contains(parent), !chain.contains(parent) else { return false }
                node = parent
            }
            guard known + chain.count <= maxDepth else { return false }
            for (offset, member) in chain.reversed().enumerated() { depth[member] = UInt8(known + offset + 1) }
        }
        return true
    }

    /// How many entries the index holds.
    public var count: Int { nodes.count - rootCount }

    /// The entries in order, each with its whole path (builds every path: for tests and small indexes; the console
    /// uses `search`, `entry(code:)` and `entry(at:)`).
    public var entries: [SearchEntry] { (0..<count).map(entry(at:)) }

    /// The entry at `position` (0..<count), its path built from the parents.
    public func entry(at position: Int) -> SearchEntry {
        let index = rootCount + position
        return SearchEntry(node: nodes[index], path: path(ofNode: index), foldedName: foldedNames[position],
                           foldedCode: foldedCodes[position])
    }

    /// The path of the entry at `position`: its ancestors from the top of the scope down to its parent.
    public func path(of position: Int) -> [NodeRef] { path(ofNode: rootCount + position) }

    private func path(ofNode index: Int) -> [NodeRef] {
        var path: [NodeRef] = []
        var parent = Int(parents[index])
        while parent >= 0 {  // chains are bounded: checked when the index was made
            path.append(nodes[parent])
            parent = Int(parents[parent])
        }
        path.reverse()
        return path
    }

    /// How well an entry matches, best first.
    public enum Rank: Int, Sendable, Comparable {
        case exactCode, exactName, namePrefix, wordPrefix, codePrefix, substring
        /// Better ranks sort first.
        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The rank of `entry` for an already folded query, or nil when some word of the query is missing.
    public static func rank(_ entry: SearchEntry, folded query: String) -> Rank? {
        rank(name: entry.foldedName, code: entry.foldedCode, folded: query)
    }

    private static func rank(name: String, code: String, folded query: String) -> Rank? {
        guard !query.isEmpty else { return nil }
        if code == query { return .exactCode }
        if name == query { return .exactName }
        if name.hasPrefix(query) { return .namePrefix }
        if name.contains(" " + query) { return .wordPrefix }
        if code.hasPrefix(query) { return .codePrefix }
        let tokens = query.split(separator: " ")
        let hay = name + " " + code
        return tokens.allSatisfy { hay.contains($0) } ? .substring : nil
    }

    /// Entries matching every word of `query` (accents and case ignored), best first: exact code, exact name,
    /// name prefix, word prefix, code prefix, substring; then units before schools before classes, then by name.
    /// `levels` limits the kinds of node; at most `limit` results.
    public func search(_ query: String, levels: Set<NodeLevel>? = nil, limit: Int = 50) -> [SearchEntry] {
        let folded = SearchKey.fold(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        var hits: [(rank: Rank, level: Int, index: Int)] = []
        for position in 0..<count {
            let level = nodes[rootCount + position].level
            if let levels, !levels.contains(level) { continue }
            guard let rank = Self.rank(name: foldedNames[position], code: foldedCodes[position], folded: folded) else { continue }
            hits.append((rank, Self.levelOrder(level), position))
        }
        hits.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.level != b.level { return a.level < b.level }
            if foldedNames[a.index] != foldedNames[b.index] { return foldedNames[a.index] < foldedNames[b.index] }
            return nodes[rootCount + a.index].code < nodes[rootCount + b.index].code
        }
        return hits.prefix(limit).map { entry(at: $0.index) }
    }

    /// The entry with exactly this code, if it is in the index.
    public func entry(code: String) -> SearchEntry? { byCode[code].map { entry(at: Int($0)) } }

    /// The same index with every node passed through `transform` (the console's sanitiser). Keys are folded again
    /// only for nodes that changed; when none did, the storage is shared with this index (no second copy).
    public func mapNodes(_ transform: (NodeRef) -> NodeRef) -> SearchIndex {
        var mapped = nodes
        var names = foldedNames, codes = foldedCodes
        var changed = false
        for index in nodes.indices {
            let node = transform(nodes[index])
            guard node != nodes[index] else { continue }
            changed = true
            mapped[index] = node
            guard index >= rootCount else { continue }
            names[index - rootCount] = SearchKey.fold(node.name)
            codes[index - rootCount] = SearchKey.fold(node.code)
        }
        guard changed else { return self }
        return SearchIndex(checked: mapped, parents: parents, rootCount: rootCount, foldedNames: names, foldedCodes: codes)
    }

    private static func levelOrder(_ level: NodeLevel) -> Int {
        switch level {
        case .province: return 0
        case .unit: return 1
        case .school: return 2
        case .class: return 3
        }
    }
}
