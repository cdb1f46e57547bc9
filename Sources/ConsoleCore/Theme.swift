/// A theme: semantic roles mapped to colours (placeholder; the theme loader replaces this).
public struct Theme: Sendable, Hashable {
    /// The theme's name, as in `Themes/NAME.yaml`.
    public var name: String
    /// Creates a theme.
    public init(name: String) { self.name = name }
}
