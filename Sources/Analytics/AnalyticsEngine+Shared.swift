import Foundation
import GRDB
import ReportModel
import SectorData

/// A node whose scoped report equals the unscoped one but for the breadcrumb: everything beneath it is in scope.
public struct WholeNode: Sendable, Hashable {
    /// The node as the unscoped tree names it (ask the unscoped engine for this).
    public var node: NodeRef
    /// The scope's root: the unscoped breadcrumb is cut to start here.
    public var root: NodeRef

    /// The scoped breadcrumb from the unscoped one: everything above the scope's root is dropped.
    public func cut(_ path: [NodeRef]) -> [NodeRef] {
        guard let start = path.firstIndex(of: root) else { return path }
        return Array(path[start...])
    }
}

extension AnalyticsEngine {
    /// Whether this scope's report of `node` (nil = the scope's root) is the unscoped report of the same node with
    /// its breadcrumb cut at the scope's root: true when the node and everything beneath it is in scope (a listed
    /// unit or one below it, an in-scope school or class). Then `eduioc serve` computes the report once for every
    /// scope that holds it. Nil for a partial unit (the province or a unit above the listed ones, whose figures count
    /// only in-scope schools), and for a node outside the scope or absent (the scoped call gives the refusal).
    public func wholeNode(for node: NodeRef?) throws -> WholeNode? {
        try source.read { db in
            let meta = try Context.meta(db)
            let tokens = summaries == nil ? nil : try ChangeTokens.read(db)
            let tree = try summaries?.roster.tree(db, tokens: tokens, provinceCode: meta["province_code"], scope: scope)
                ?? ProvinceTree.load(db, provinceCode: meta["province_code"], scope: scope)
            let resolved: ProvinceTree.Resolved
            do {
                resolved = try node.map { try tree.resolve(ref: $0, db: db) } ?? tree.root
            } catch AnalyticsError.notInYourArea {
                return nil
            } catch AnalyticsError.notFound {
                return nil
            }
            let whole: Bool
            switch resolved {
            case .unit(let unit): whole = tree.fullUnits.contains(unit.id)
            case .school(let school), .schoolClass(let school, _, _, _): whole = tree.inScopeSchools.contains(school.id)
            }
            return whole ? WholeNode(node: tree.ref(resolved), root: tree.ref(tree.root)) : nil
        }
    }
}
