import Foundation

/// A parsed `:` command.
public enum JumpTarget: Sendable, Hashable {
    /// `:school CODE` (also `:s`).
    case school(String)
    /// `:unit NAME` (also `:u`), accent-insensitive.
    case unit(String)

    /// Parses the prompt text; nil when it is neither form.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let verb = trimmed[..<space].lowercased()
        let argument = trimmed[space...].trimmingCharacters(in: .whitespaces)
        guard !argument.isEmpty else { return nil }
        switch verb {
        case "school", "s", "truong", "trường": self = .school(argument)
        case "unit", "u", "xa", "xã", "phuong", "phường": self = .unit(argument)
        default: return nil
        }
    }
}
