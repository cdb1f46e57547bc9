/// Semantic style roles. Widgets name roles; a theme maps each role to colours and attributes.
public enum StyleRole: String, CaseIterable, Sendable, Hashable, Codable {
    case normal, dim, header, title, border, selected, hint, key
    case ok, warn, crit, unknown, stale, accent, banner, chart
    /// A figure or cell that changed at the last refresh, for a few seconds.
    case changed
}

/// A cell's look: a semantic role plus emphasis flags. Colours come from the theme at flush time.
public struct CellStyle: Hashable, Sendable {
    /// The semantic role; the theme gives it colours.
    public var role: StyleRole
    /// Bold.
    public var bold: Bool
    /// Reverse video.
    public var reverse: Bool
    /// Underlined.
    public var underline: Bool
    /// Creates a style.
    public init(_ role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }
    /// The plain default style.
    public static let plain = CellStyle()
}
