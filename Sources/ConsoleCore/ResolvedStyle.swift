/// A concrete look for one cell at one colour depth: colour indices (nil = the terminal's default) and attributes.
public struct ResolvedStyle: Hashable, Sendable, CustomStringConvertible {
    /// Foreground colour index: 0–255 at 256 colours, 0–15 at 16 colours; nil is the default colour.
    public var foreground: Int?
    /// Background colour index; nil is the default colour.
    public var background: Int?
    /// Attributes to set.
    public var attributes: TextAttributes
    /// Creates a resolved style.
    public init(foreground: Int? = nil, background: Int? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
    /// E.g. `fg=196 bg=default bold,reverse`.
    public var description: String {
        let attrs = attributes.description
        return "fg=\(foreground.map(String.init) ?? "default") bg=\(background.map(String.init) ?? "default")" + (attrs.isEmpty ? "" : " " + attrs)
    }
}
