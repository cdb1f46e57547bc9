import ReportModel

/// The search index as it travels (protocol 2): every node once, as `[level, code, name, detail, parent]` with the
/// parent a position in the list (-1 at the top of the scope), the first `roots` nodes being ancestors only. A class
/// no longer repeats its school's, commune's and province's names and codes (protocol 1 sent each entry's whole
/// path: ~15.5 k entries of the full province, a 22 MB malloc arena in the console). Decoded straight into the
/// index's own arrays; the folded keys are computed on arrival, once per entry.
public struct WireSearchIndex: Codable, Sendable, Equatable {
    /// How many of `nodes` are ancestors only.
    public var roots: Int
    /// Every node.
    public var nodes: [NodeRef]
    /// Each node's parent: a position in `nodes`, -1 at the top.
    public var parents: [Int32]

    /// The wire form of an index.
    public init(_ index: SearchIndex) {
        roots = index.rootCount
        nodes = index.nodes
        parents = index.parents
    }

    /// The index as the console uses it; nil when the parents are out of range, circular or too deep.
    public var index: SearchIndex? { SearchIndex(nodes: nodes, parents: parents, rootCount: roots) }

    private enum CodingKeys: String, CodingKey { case roots, nodes }

    /// Decodes `{"nodes": [[level, code, name, detail, parent], …], "roots": n}` into the two arrays.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        roots = try container.decode(Int.self, forKey: .roots)
        var list = try container.nestedUnkeyedContainer(forKey: .nodes)
        nodes = []
        parents = []
        if let count = list.count {
            nodes.reserveCapacity(count)
            parents.reserveCapacity(count)
        }
        while !list.isAtEnd {
            var item = try list.nestedUnkeyedContainer()
            let level = try item.decode(NodeLevel.self)
            let code = try item.decode(String.self)
            let name = try item.decode(String.self)
            let detail: String? = try item.decodeNil() ? nil : try item.decode(String.self)
            parents.append(try item.decode(Int32.self))
            nodes.append(NodeRef(level: level, code: code, name: name, detail: detail))
        }
    }

    /// Encodes every node as one short array (no key names repeated per node).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(roots, forKey: .roots)
        var list = container.nestedUnkeyedContainer(forKey: .nodes)
        for (node, parent) in zip(nodes, parents) {
            var item = list.nestedUnkeyedContainer()
            try item.encode(node.level)
            try item.encode(node.code)
            try item.encode(node.name)
            if let detail = node.detail { try item.encode(detail) } else { try item.encodeNil() }
            try item.encode(parent)
        }
    }
}
