/// Every unit, school and class a user may open, for search and completion as they type (built by
/// `AnalyticsEngine.searchIndex()`, so the scope is applied where the data is read).
public struct SearchIndex: Sendable {
    /// The entries: units, then schools, then classes.
    public let entries: [SearchEntry]
    private let byCode: [String: Int]

    /// An index over `entries`.
    public init(entries: [SearchEntry]) {
        self.entries = entries
        var byCode: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where byCode[entry.node.code] == nil { byCode[entry.node.code] = index }
        self.byCode = byCode
    }

    /// How well an entry matches, best first.
    public enum Rank: Int, Sendable, Comparable {
        case exactCode, exactName, namePrefix, wordPrefix, codePrefix, substring
        /// Better ranks sort first.
        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The rank of `entry` for an already folded query, or nil when some word of the query is missing.
    public static func rank(_ entry: SearchEntry, folded query: String) -> Rank? {
        guard !query.isEmpty else { return nil }
        if entry.foldedCode == query { return .exactCode }
        if entry.foldedName == query { return .exactName }
        if entry.foldedName.hasPrefix(query) { return .namePrefix }
        if entry.foldedName.contains(" " + query) { return .wordPrefix }
        if entry.foldedCode.hasPrefix(query) { return .codePrefix }
        let tokens = query.split(separator: " ")
        let hay = entry.foldedName + " " + entry.foldedCode
        return tokens.allSatisfy { hay.contains($0) } ? .substring : nil
    }

    /// Entries matching every word of `query` (accents and case ignored), best first: exact code, exact name,
    /// name prefix, word prefix, code prefix, substring; then units before schools before classes, then by name.
    /// `levels` limits the kinds of node; at most `limit` results.
    public func search(_ query: String, levels: Set<NodeLevel>? = nil, limit: Int = 50) -> [SearchEntry] {
        let folded = SearchKey.fold(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        var hits: [(rank: Rank, level: Int, index: Int)] = []
        for (index, entry) in entries.enumerated() {
            if let levels, !levels.contains(entry.node.level) { continue }
            guard let rank = Self.rank(entry, folded: folded) else { continue }
            hits.append((rank, Self.levelOrder(entry.node.level), index))
        }
        hits.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.level != b.level { return a.level < b.level }
            let ea = entries[a.index], eb = entries[b.index]
            if ea.foldedName != eb.foldedName { return ea.foldedName < eb.foldedName }
            return ea.node.code < eb.node.code
        }
        return hits.prefix(limit).map { entries[$0.index] }
    }

    /// The entry with exactly this code, if it is in the index.
    public func entry(code: String) -> SearchEntry? { byCode[code].map { entries[$0] } }

    private static func levelOrder(_ level: NodeLevel) -> Int {
        switch level {
        case .province: return 0
        case .unit: return 1
        case .school: return 2
        case .class: return 3
        }
    }
}
