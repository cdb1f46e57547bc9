/// Why an attendance row is left out of every figure (docs/SNAPSHOT.md, "Which rows count").
public enum AttendanceRowProblem: String, CaseIterable, Sendable, Codable {
    /// `student_id` names no row of `students`.
    case unknownStudent = "unknown_student"
    /// The row's `school_id` is not the student's school.
    case otherSchool = "other_school"
    /// The student was not enrolled on the row's day (before `enrolled_on`, or on or after `left_on`).
    case notEnrolled = "not_enrolled"
    /// `status` is not one of the four, or `day`, `school_id` or `student_id` is not of the contract's type.
    case invalidValue = "invalid_value"
}
