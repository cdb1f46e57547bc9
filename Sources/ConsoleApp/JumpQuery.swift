import ReportModel

/// The `:` prompt's text split into an optional verb (`school`, `unit`) and what to look for, for completion.
public struct JumpQuery: Sendable, Hashable {
    /// The verb as typed, with its trailing space ("school "), or "" when none.
    public var verb: String
    /// The text to match against names and codes.
    public var argument: String
    /// The kinds of node the verb allows (nil = all).
    public var levels: Set<NodeLevel>?

    /// Splits `text`: "school ngu" → verb "school ", argument "ngu", schools only.
    public init(_ text: String) {
        let trimmed = String(text.drop { $0 == " " })
        if let space = trimmed.firstIndex(of: " ") {
            let word = trimmed[..<space].lowercased()
            let schools: Set<String> = ["school", "s", "truong", "trường"]
            let units: Set<String> = ["unit", "u", "xa", "xã", "phuong", "phường"]
            if schools.contains(word) || units.contains(word) {
                verb = String(trimmed[...space])
                argument = String(trimmed[trimmed.index(after: space)...])
                levels = schools.contains(word) ? [.school] : [.unit]
                return
            }
        }
        verb = ""
        argument = trimmed
        levels = nil
    }
}
