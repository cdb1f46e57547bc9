/// A school's check-in progress on the report day, for lists of schools that have not reported yet.
public struct SchoolProgress: Sendable, Hashable, Codable {
    /// The school.
    public var school: NodeRef
    /// The name of the admin unit the school lies in (nil when unknown).
    public var place: String?
    /// Students enrolled on the report day.
    public var enrolled: Int
    /// Counted attendance rows of the report day recorded by as-of.
    public var reported: Int

    /// Creates an entry.
    public init(school: NodeRef, place: String?, enrolled: Int, reported: Int) {
        self.school = school
        self.place = place
        self.enrolled = enrolled
        self.reported = reported
    }

    /// reported / enrolled; nil without enrolled students.
    public var completeness: Double? { enrolled > 0 ? Double(reported) / Double(enrolled) : nil }

    /// At most this many schools are listed under a node (the count not reporting is in the attendance figures).
    public static let listLimit = 200
}
