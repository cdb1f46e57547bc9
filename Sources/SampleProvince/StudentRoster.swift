/// Every student as parallel arrays (structure of arrays), indexed by `id - 1`.
///
/// Students are numbered school by school and class by class, so attendance can be written in
/// primary-key order (day, student_id) while walking classes contiguously.
struct StudentRoster: Sendable {
    /// Reasons a student left, as stored in `students.leave_reason`.
    enum LeaveReason: UInt8, Sendable {
        case none = 0, transfer, dropout

        /// The stored text, or nil for students still enrolled.
        var storedValue: String? {
            switch self {
            case .none: nil
            case .transfer: "transfer"
            case .dropout: "dropout"
            }
        }
    }

    /// "Has not left" marker for `leftDay`.
    static let stillEnrolled = Int32.max

    /// Index into the blueprint's schools.
    var schoolIndex: [Int32] = []
    /// Class id (1-based, as stored).
    var classID: [Int32] = []
    /// Whether the student is male (gender 'M'), else 'F'.
    var isMale: [Bool] = []
    /// Day number of `enrolled_on`.
    var enrolledDay: [Int32] = []
    /// Day number of `left_on` (first day no longer enrolled), or `stillEnrolled`.
    var leftDay: [Int32] = []
    /// Why the student left.
    var leaveReason: [LeaveReason] = []
    /// Chance of being absent on an ordinary day.
    var absenceProbability: [Float] = []

    /// Number of students.
    var count: Int { schoolIndex.count }

    /// Reserves room for `capacity` students.
    mutating func reserve(_ capacity: Int) {
        schoolIndex.reserveCapacity(capacity)
        classID.reserveCapacity(capacity)
        isMale.reserveCapacity(capacity)
        enrolledDay.reserveCapacity(capacity)
        leftDay.reserveCapacity(capacity)
        leaveReason.reserveCapacity(capacity)
        absenceProbability.reserveCapacity(capacity)
    }

    /// Appends one student.
    mutating func append(school: Int, classID: Int, isMale: Bool, enrolledDay: Int, leftDay: Int32,
                         leaveReason: LeaveReason, absenceProbability: Float) {
        self.schoolIndex.append(Int32(school))
        self.classID.append(Int32(classID))
        self.isMale.append(isMale)
        self.enrolledDay.append(Int32(enrolledDay))
        self.leftDay.append(leftDay)
        self.leaveReason.append(leaveReason)
        self.absenceProbability.append(absenceProbability)
    }

    /// Whether student `index` is enrolled on `day` (enrolled_on ≤ day < left_on).
    func isEnrolled(_ index: Int, on day: Int32) -> Bool {
        enrolledDay[index] <= day && leftDay[index] > day
    }
}
