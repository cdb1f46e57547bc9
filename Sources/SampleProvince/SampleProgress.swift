/// Where generation is: the current phase, how far into it, and how far overall.
public struct SampleProgress: Sendable, Equatable {
    /// The phases of generation, in order.
    public enum Phase: String, Sendable, CaseIterable {
        /// Admin units, schools, classes, students, teachers, calendar, intake plans.
        case structure
        /// Attendance history and today's partial day.
        case attendance
        /// Devices and connectivity probes.
        case infrastructure
        /// Creating the contract's secondary indexes.
        case indexes
        /// Statistics, journal mode, moving the file into place.
        case finishing

        /// Share of total work, used to compute `overallFraction`.
        var weight: Double {
            switch self {
            case .structure: 0.03
            case .attendance: 0.43
            case .infrastructure: 0.02
            case .indexes: 0.51
            case .finishing: 0.01
            }
        }

        /// A short human label.
        public var label: String {
            switch self {
            case .structure: "schools and students"
            case .attendance: "attendance"
            case .infrastructure: "devices and connectivity"
            case .indexes: "indexes"
            case .finishing: "finishing"
            }
        }
    }

    /// The current phase.
    public let phase: Phase
    /// Fraction of the current phase done, 0…1.
    public let phaseFraction: Double

    /// Creates a progress report; the fraction is clamped to 0…1.
    public init(phase: Phase, phaseFraction: Double) {
        self.phase = phase
        self.phaseFraction = min(1, max(0, phaseFraction))
    }

    /// Fraction of the whole generation done, 0…1.
    public var overallFraction: Double {
        var done = 0.0
        for candidate in Phase.allCases {
            if candidate == phase { return min(1, done + candidate.weight * phaseFraction) }
            done += candidate.weight
        }
        return min(1, done)
    }
}
