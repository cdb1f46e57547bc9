/// One searchable node of the user's scope: what it is, where it lies, and its folded search keys.
public struct SearchEntry: Sendable, Hashable {
    /// The unit, school or class.
    public var node: NodeRef
    /// Its ancestors from the root of the user's scope down to its parent (empty for the root).
    public var path: [NodeRef]
    /// The name folded for matching (`SearchKey.fold`).
    public let foldedName: String
    /// The code folded for matching.
    public let foldedCode: String

    /// Creates an entry; the folded keys are computed from the node.
    public init(node: NodeRef, path: [NodeRef]) {
        self.init(node: node, path: path, foldedName: SearchKey.fold(node.name), foldedCode: SearchKey.fold(node.code))
    }

    /// An entry whose keys are already folded (a `SearchIndex` folds each node once and keeps the keys).
    init(node: NodeRef, path: [NodeRef], foldedName: String, foldedCode: String) {
        self.node = node
        self.path = path
        self.foldedName = foldedName
        self.foldedCode = foldedCode
    }
}
