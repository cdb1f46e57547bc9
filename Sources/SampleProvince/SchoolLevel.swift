/// A school level with the figures that shape a realistic school of that level.
enum SchoolLevel: Int, CaseIterable, Sendable {
    case preschool, primary, lowerSecondary, upperSecondary, multiLevel, continuingEducation

    /// The value stored in `schools.level` (one of `SnapshotSchema.Allowed.schoolLevels`).
    var storedValue: String {
        switch self {
        case .preschool: "preschool"
        case .primary: "primary"
        case .lowerSecondary: "lower_secondary"
        case .upperSecondary: "upper_secondary"
        case .multiLevel: "multi_level"
        case .continuingEducation: "continuing_education"
        }
    }

    /// The middle part of the school code ('HD-THCS-0123').
    var codeTag: String {
        switch self {
        case .preschool: "MN"
        case .primary: "TH"
        case .lowerSecondary: "THCS"
        case .upperSecondary: "THPT"
        case .multiLevel: "LC"
        case .continuingEducation: "GDTX"
        }
    }

    /// The name prefix ('Trường THCS'); private schools insert 'tư thục'.
    var namePrefix: String {
        switch self {
        case .preschool: "Trường Mầm non"
        case .primary: "Trường Tiểu học"
        case .lowerSecondary: "Trường THCS"
        case .upperSecondary: "Trường THPT"
        case .multiLevel: "Trường TH&THCS"
        case .continuingEducation: "Trung tâm GDNN-GDTX"
        }
    }

    /// Share of all schools at this level (after MOET statistics: many preschools and primaries).
    var share: Double {
        switch self {
        case .preschool: 0.34
        case .primary: 0.31
        case .lowerSecondary: 0.26
        case .upperSecondary: 0.055
        case .multiLevel: 0.025
        case .continuingEducation: 0.01
        }
    }

    /// Share of schools at this level that are private.
    var privateShare: Double {
        switch self {
        case .preschool: 0.16
        case .primary, .lowerSecondary: 0.02
        case .upperSecondary: 0.12
        case .multiLevel: 0.40
        case .continuingEducation: 0
        }
    }

    /// Typical enrollment of a school of this level.
    var typicalEnrollment: Double {
        switch self {
        case .preschool: 250
        case .primary: 720
        case .lowerSecondary: 700
        case .upperSecondary: 1_350
        case .multiLevel: 520
        case .continuingEducation: 420
        }
    }

    /// Grades taught (0 = preschool).
    var grades: ClosedRange<Int> {
        switch self {
        case .preschool: 0...0
        case .primary: 1...5
        case .lowerSecondary: 6...9
        case .upperSecondary, .continuingEducation: 10...12
        case .multiLevel: 1...9
        }
    }

    /// Grades at which pupils enter the school (intake plans exist for these).
    var entryGrades: [Int] {
        switch self {
        case .preschool: [0]
        case .primary: [1]
        case .lowerSecondary: [6]
        case .upperSecondary, .continuingEducation: [10]
        case .multiLevel: [1, 6]
        }
    }

    /// Pupils per class.
    var classSize: ClosedRange<Int> {
        switch self {
        case .preschool: 18...30
        case .primary: 28...38
        case .lowerSecondary: 34...45
        case .upperSecondary: 38...45
        case .multiLevel: 28...40
        case .continuingEducation: 30...42
        }
    }

    /// Teachers per class (national staffing norms, roughly, including subject and support teachers).
    var teachersPerClass: Double {
        switch self {
        case .preschool: 2.3
        case .primary: 1.75
        case .lowerSecondary: 2.2
        case .upperSecondary: 2.6
        case .multiLevel: 2.0
        case .continuingEducation: 1.7
        }
    }

    /// Share of teachers who are women.
    var femaleTeacherShare: Double {
        switch self {
        case .preschool: 0.99
        case .primary: 0.88
        case .lowerSecondary, .multiLevel: 0.76
        case .upperSecondary: 0.65
        case .continuingEducation: 0.6
        }
    }

    /// Share of pupils who leave during the year (transfer or dropout).
    var leaverShare: Double {
        switch self {
        case .preschool: 0.015
        case .primary: 0.008
        case .lowerSecondary, .multiLevel: 0.012
        case .upperSecondary: 0.02
        case .continuingEducation: 0.05
        }
    }

    /// Share of leavers who drop out rather than transfer.
    var dropoutShare: Double {
        switch self {
        case .preschool, .primary: 0.1
        case .lowerSecondary, .multiLevel: 0.3
        case .upperSecondary: 0.4
        case .continuingEducation: 0.6
        }
    }

    /// Share of pupils who are chronically absent.
    var chronicShare: Double {
        switch self {
        case .preschool, .primary: 0.04
        case .lowerSecondary, .multiLevel: 0.05
        case .upperSecondary: 0.06
        case .continuingEducation: 0.12
        }
    }

    /// Relative chance of having an attendance gate (secondary schools first).
    var gateWeight: Double {
        switch self {
        case .preschool: 0
        case .primary: 1
        case .lowerSecondary, .multiLevel: 2
        case .upperSecondary: 4
        case .continuingEducation: 1
        }
    }
}
