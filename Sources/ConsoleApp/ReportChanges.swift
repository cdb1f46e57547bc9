import ReportModel
import Foundation

/// What changed between two reports of the same node: headline deltas, the children's cells that moved, and
/// alerts new or resolved. Pure; `AppState` keeps the latest non-empty one with the instant it was seen.
public struct ReportChanges: Sendable, Hashable {
    /// One child's cell: the child's code and the column.
    public struct Cell: Sendable, Hashable {
        /// The child's code.
        public var code: String
        /// The column whose value moved.
        public var column: ChildColumn
        /// Creates a cell key.
        public init(code: String, column: ChildColumn) {
            self.code = code
            self.column = column
        }
    }

    /// An alert's identity across refreshes: what it is about and where (its value may move).
    public struct AlertKey: Sendable, Hashable {
        /// What the alert is about.
        public var kind: AlertKind
        /// The node's code.
        public var code: String
        /// The key of `alert`.
        public init(_ alert: Alert) {
            kind = alert.kind
            code = alert.node.code
        }
    }

    /// When the refresh that brought these changes arrived.
    public var at: Date
    /// Headline figures that moved: new value minus old (fractions in 0–1 units, counts as counts).
    public var headline: [HeadlineFigure: Double]
    /// Children's cells whose value moved.
    public var cells: Set<Cell>
    /// Alerts present now but not before.
    public var newAlerts: Set<AlertKey>
    /// Alerts present before but not now.
    public var resolvedAlerts: [Alert]

    /// Whether nothing changed.
    public var isEmpty: Bool { headline.isEmpty && cells.isEmpty && newAlerts.isEmpty && resolvedAlerts.isEmpty }

    /// The changes from `old` to `new`, seen at `at`; nil when they are reports of different nodes.
    public static func between(_ old: NodeReport, _ new: NodeReport, at: Date) -> ReportChanges? {
        guard old.figures.node.code == new.figures.node.code, old.figures.node.level == new.figures.node.level else {
            return nil
        }
        var headline: [HeadlineFigure: Double] = [:]
        for figure in HeadlineFigure.allCases {
            guard let before = figure.value(old.figures), let after = figure.value(new.figures) else { continue }
            let delta = after - before
            // Fractions moving by less than 0.05 percentage points do not change what is shown.
            if figure.isFraction ? abs(delta) >= 0.0005 : delta != 0 { headline[figure] = delta }
        }
        var cells = Set<Cell>()
        let previous = Dictionary(old.children.map { ($0.node.code, $0) }, uniquingKeysWith: { first, _ in first })
        for child in new.children {
            guard let before = previous[child.node.code] else { continue }
            for column in ChildColumn.allCases where shown(column, before) != shown(column, child) {
                cells.insert(Cell(code: child.node.code, column: column))
            }
        }
        let oldKeys = Set(old.alerts.map(AlertKey.init))
        let newKeys = Set(new.alerts.map(AlertKey.init))
        return ReportChanges(at: at, headline: headline, cells: cells, newAlerts: newKeys.subtracting(oldKeys),
                             resolvedAlerts: old.alerts.filter { !newKeys.contains(AlertKey($0)) })
    }

    /// A cell's value as the table shows it (rates to 0.1 point, completeness to 1 point), so a move the table
    /// cannot show is not highlighted.
    static func shown(_ column: ChildColumn, _ f: NodeFigures) -> [Double?] {
        func rounded(_ value: Double?, _ scale: Double) -> Double? { value.map { ($0 * scale).rounded() } }
        switch column {
        case .name, .code: return []
        case .schools: return [Double(f.attendance.schoolsTotal)]
        case .students: return [Double(f.enrollment.enrolled)]
        case .rate: return [rounded(f.attendance.rate, 1000)]
        case .completeness: return [rounded(f.attendance.completeness, 100)]
        case .unreported: return [Double(f.attendance.unreported)]
        case .teachers: return [Double(f.enrollment.teachers)]
        case .computersWorking: return [Double(f.devices.computersWorking)]
        case .learnersPerComputer: return [rounded(f.devices.learnersPerComputer, 10)]
        case .network:
            let c = f.connectivity
            return [Double(c.offline), Double(c.unknown), Double(c.moderate), Double(c.good), c.status.flatMap { ConnectivityStatus.allCases.firstIndex(of: $0) }.map(Double.init)]
        }
    }
}
