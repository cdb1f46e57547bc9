import Foundation

/// A parsed `:` command.
public enum JumpTarget: Sendable, Hashable {
    /// `:school CODE` (also `:s`).
    case school(String)
    /// `:unit NAME` (also `:u`), accent-insensitive.
    case unit(String)
    /// `:CODE` alone: a school, unit or `SCHOOL/CLASS` code, else a unit name (any words without a verb).
    case code(String)

    /// Parses the prompt text; nil when it is none of the forms.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else {
            guard !trimmed.isEmpty else { return nil }
            self = .code(trimmed)
            return
        }
        let verb = trimmed[..<space].lowercased()
        let argument = trimmed[space...].trimmingCharacters(in: .whitespaces)
        guard !argument.isEmpty else { return nil }
        switch verb {
        case "school", "s", "truong", "trường": self = .school(argument)
        case "unit", "u", "xa", "xã", "phuong", "phường": self = .unit(argument)
        default: self = .code(trimmed)  // several words without a verb: a name, tried as a code first
        }
    }
}
