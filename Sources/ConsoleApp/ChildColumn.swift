import Analytics

/// A column of the children table. Which columns show depends on the level of the children.
public enum ChildColumn: String, Sendable, Hashable, CaseIterable {
    case name, schools, students, rate, completeness, unreported, teachers, computersWorking, learnersPerComputer, network

    /// The header text.
    public func title(_ language: Language) -> String {
        switch self {
        case .name: return UIText.columnName.in(language)
        case .schools: return UIText.columnSchools.in(language)
        case .students: return UIText.columnStudents.in(language)
        case .rate: return UIText.columnRate.in(language)
        case .completeness: return UIText.columnCompleteness.in(language)
        case .unreported: return UIText.columnUnreported.in(language)
        case .teachers: return UIText.columnTeachers.in(language)
        case .computersWorking: return UIText.columnWorkingComputers.in(language)
        case .learnersPerComputer: return UIText.columnComputers.in(language)
        case .network: return UIText.columnNet.in(language)
        }
    }

    /// The columns shown for children at `level`; `wide` screens get the detail columns too.
    public static func columns(for level: NodeLevel, wide: Bool) -> [ChildColumn] {
        let detail: [ChildColumn] = wide ? [.unreported, .teachers, .computersWorking] : []
        switch level {
        case .province, .unit:
            return [.name, .schools, .students, .rate, .completeness] + detail + [.learnersPerComputer, .network]
        case .school: return [.name, .students, .rate, .completeness] + detail + [.learnersPerComputer, .network]
        case .class: return [.name, .students, .rate, .completeness] + (wide ? [.unreported] : [])
        }
    }

    /// Screens at least this wide show the detail columns.
    public static let wideScreenColumns = 140

    /// The value rows are sorted by in this column (numbers sort numerically; nil sorts last).
    func sortValue(_ figures: NodeFigures) -> SortValue {
        switch self {
        case .name: return .text(SearchKey.fold(figures.node.name))
        case .schools: return .number(Double(figures.attendance.schoolsTotal))
        case .students: return .number(Double(figures.enrollment.enrolled))
        case .rate: return figures.attendance.rate.map(SortValue.number) ?? .missing
        case .completeness: return figures.attendance.completeness.map(SortValue.number) ?? .missing
        case .unreported: return .number(Double(figures.attendance.unreported))
        case .teachers: return .number(Double(figures.enrollment.teachers))
        case .computersWorking: return .number(Double(figures.devices.computersWorking))
        case .learnersPerComputer: return figures.devices.learnersPerComputer.map(SortValue.number) ?? .missing
        case .network: return .number(ChildColumn.networkSeverity(figures.connectivity))
        }
    }

    /// Worse connectivity sorts higher: offline share, then unknown, then moderate.
    static func networkSeverity(_ c: ConnectivityFigures) -> Double {
        let total = Double(max(1, c.good + c.moderate + c.offline + c.unknown))
        return (Double(c.offline) * 1000 + Double(c.unknown) * 10 + Double(c.moderate)) / total
    }
}

/// A sortable cell value.
enum SortValue: Comparable {
    case number(Double)
    case text(String)
    case missing
}
