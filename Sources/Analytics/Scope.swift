import ReportModel

/// Which part of the province a user may see: admin units (with everything beneath them) and single schools.
///
/// Semantics (enforced by `AnalyticsEngine`, never only by the UI):
/// - a school is in scope if its code is listed or its admin unit is a listed unit or a descendant of one;
/// - totals, children, alerts, search and lookups only ever count in-scope schools;
/// - the root of the user's tree is the listed unit (or school) when exactly one code is listed,
///   otherwise the province, whose figures and children then count only in-scope schools; units between the
///   province and the listed ones are shown as partial nodes (only their in-scope schools);
/// - a node outside the scope and a code that does not exist give the same `AnalyticsError.notInYourArea`;
/// - an empty scope sees nothing (fails closed). `nil` scope (no `Scope` at all) means the whole province.
public struct Scope: Sendable, Hashable, Codable {
    /// Admin-unit codes; each includes all its descendants.
    public var unitCodes: Set<String>
    /// Individual school codes.
    public var schoolCodes: Set<String>

    /// Creates a scope from unit codes and optional school codes.
    public init(unitCodes: Set<String>, schoolCodes: Set<String> = []) {
        self.unitCodes = unitCodes
        self.schoolCodes = schoolCodes
    }
}
