/// Where a snapshot's data falls short of the contract (docs/SNAPSHOT.md, "Which rows count"): the rows left out
/// of every figure, per school and reason, and the codes that are not unique. "Đúng, đủ, sạch, sống" — the
/// operations centre shows this so unit heads can have their data fixed.
public struct DataQualityReport: Sendable, Hashable, Codable {
    /// Rows left out for one reason at one school.
    public struct Entry: Sendable, Hashable, Codable {
        /// The school the rows name (nil when `school_id` names no school of the tree).
        public var school: NodeRef?
        /// The `school_id` the rows carry (-1 when it is not an integer).
        public var schoolID: Int64
        /// Why the rows are left out.
        public var problem: AttendanceRowProblem
        /// How many rows.
        public var rows: Int
        /// The first and last day of those rows (`YYYY-MM-DD`).
        public var firstDay: String
        public var lastDay: String
        /// One of the rows' `student_id`, to find them by (nil when NULL or not an integer).
        public var exampleStudent: Int64?

        /// Creates an entry.
        public init(school: NodeRef?, schoolID: Int64, problem: AttendanceRowProblem, rows: Int, firstDay: String,
                    lastDay: String, exampleStudent: Int64? = nil) {
            self.school = school
            self.schoolID = schoolID
            self.problem = problem
            self.rows = rows
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.exampleStudent = exampleStudent
        }
    }

    /// The school days whose rows were checked, oldest first (the report day and the trend's past days); empty
    /// when every row of the file was checked.
    public var days: [String]
    /// Rows left out, most rows first.
    public var entries: [Entry]
    /// Unit and school codes written more than once (each such unit or school cannot be opened by its code).
    public var duplicateCodes: [String]

    /// Creates a report.
    public init(days: [String], entries: [Entry], duplicateCodes: [String]) {
        self.days = days
        self.entries = entries
        self.duplicateCodes = duplicateCodes
    }

    /// Rows left out in all.
    public var rowsLeftOut: Int { entries.reduce(0) { $0 + $1.rows } }

    /// Rows left out per reason.
    public var rowsByProblem: [AttendanceRowProblem: Int] {
        entries.reduce(into: [:]) { $0[$1.problem, default: 0] += $1.rows }
    }

    /// Whether nothing is wrong.
    public var isClean: Bool { entries.isEmpty && duplicateCodes.isEmpty }
}
