/// The four status counts of a class, school or group of schools on one day.
public struct AttendanceCounts: Sendable, Hashable {
    /// Rows per status.
    public var present = 0, late = 0, excused = 0, unexcused = 0

    /// Creates counts.
    public init(present: Int = 0, late: Int = 0, excused: Int = 0, unexcused: Int = 0) {
        self.present = present
        self.late = late
        self.excused = excused
        self.unexcused = unexcused
    }

    /// Present or late.
    public var attending: Int { present + late }
    /// Every counted row.
    public var reported: Int { present + late + excused + unexcused }
    /// Excused or unexcused.
    public var absent: Int { excused + unexcused }

    /// Adds `n` rows of `status` (`n` may be negative to take rows out).
    public mutating func add(_ n: Int, _ status: AttendanceStatus) {
        switch status {
        case .present: present += n
        case .late: late += n
        case .excused: excused += n
        case .unexcused: unexcused += n
        }
    }

    /// Adds another set of counts.
    public mutating func add(_ other: AttendanceCounts) {
        present += other.present; late += other.late; excused += other.excused; unexcused += other.unexcused
    }
}
