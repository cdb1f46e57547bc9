/// A theme: named palette colours, and every `StyleRole` mapped to palette colours and attributes.
///
/// Loaded from `Themes/NAME.yaml` by `ThemeLoader`; resolved per colour depth to `ResolvedStyle`.
public struct Theme: Sendable, Hashable {
    /// A palette colour: its 256-colour index and 16-colour fallback (either may be absent = default colour).
    public struct PaletteColor: Hashable, Sendable {
        /// The xterm 256-colour index; nil falls back to the 16-colour name.
        public var index256: Int?
        /// The 16-colour fallback; nil is the terminal default colour.
        public var ansi: AnsiColor?
        /// Creates a palette colour.
        public init(index256: Int?, ansi: AnsiColor?) {
            self.index256 = index256
            self.ansi = ansi
        }
    }

    /// How one role looks: palette colour names (nil = default colour), attributes, and the attributes
    /// used instead when there is no colour at all.
    public struct RoleStyle: Hashable, Sendable {
        /// Foreground palette colour name; nil is the terminal default.
        public var foreground: String?
        /// Background palette colour name; nil is the terminal default.
        public var background: String?
        /// Attributes when colours are available.
        public var attributes: TextAttributes
        /// Attributes when colours are unavailable; nil means the same as `attributes`.
        public var monochrome: TextAttributes?
        /// Creates a role style.
        public init(foreground: String? = nil, background: String? = nil, attributes: TextAttributes = [], monochrome: TextAttributes? = nil) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
            self.monochrome = monochrome
        }
    }

    /// The theme's name, as in `Themes/NAME.yaml`.
    public var name: String
    /// A one-line description from the file.
    public var description: String
    /// Named colours.
    public var palette: [String: PaletteColor]
    /// Every role's style.
    public var roles: [StyleRole: RoleStyle]

    /// Creates a theme from parts (the loader validates; here unknown colour names resolve to the default).
    public init(name: String, description: String = "", palette: [String: PaletteColor], roles: [StyleRole: RoleStyle]) {
        self.name = name
        self.description = description
        self.palette = palette
        self.roles = roles
    }

    /// A built-in theme (16 standard colours, meaning kept by attributes) for when no theme file can be read.
    public init(name: String) {
        self.init(name: name, description: "built-in fallback", palette: Theme.builtinPalette, roles: Theme.builtinRoles)
    }

    /// The built-in fallback theme.
    public static let builtin = Theme(name: "builtin")

    /// The concrete look of `role` at `depth`.
    public func resolve(_ role: StyleRole, depth: TerminalCapabilities.ColorDepth) -> ResolvedStyle {
        let spec = roles[role] ?? roles[.normal] ?? RoleStyle()
        switch depth {
        case .none:
            return ResolvedStyle(attributes: spec.monochrome ?? spec.attributes)
        case .sixteen:
            return ResolvedStyle(foreground: spec.foreground.flatMap { palette[$0]?.ansi?.index },
                                 background: spec.background.flatMap { palette[$0]?.ansi?.index },
                                 attributes: spec.attributes)
        case .full256:
            return ResolvedStyle(foreground: spec.foreground.flatMap { palette[$0].flatMap { $0.index256 ?? $0.ansi?.index } },
                                 background: spec.background.flatMap { palette[$0].flatMap { $0.index256 ?? $0.ansi?.index } },
                                 attributes: spec.attributes)
        }
    }

    /// The concrete look of a cell style: its role resolved, plus the cell's own bold/reverse/underline.
    public func resolve(_ style: CellStyle, depth: TerminalCapabilities.ColorDepth) -> ResolvedStyle {
        var r = resolve(style.role, depth: depth)
        if style.bold { r.attributes.insert(.bold) }
        if style.underline { r.attributes.insert(.underline) }
        if style.reverse {
            // Reverse on a role already reversed would cancel it out; keep the emphasis visible instead.
            if r.attributes.contains(.reverse) { r.attributes.insert(.bold) } else { r.attributes.insert(.reverse) }
        }
        return r
    }

    private static let builtinPalette: [String: PaletteColor] = [
        "red": PaletteColor(index256: 160, ansi: .red), "green": PaletteColor(index256: 34, ansi: .green),
        "yellow": PaletteColor(index256: 214, ansi: .yellow), "cyan": PaletteColor(index256: 38, ansi: .cyan),
        "grey": PaletteColor(index256: 244, ansi: .brightBlack), "magenta": PaletteColor(index256: 170, ansi: .magenta),
        "blue": PaletteColor(index256: 25, ansi: .blue),
    ]

    private static let builtinRoles: [StyleRole: RoleStyle] = [
        .normal: RoleStyle(),
        .dim: RoleStyle(foreground: "grey", monochrome: [.dim]),
        .header: RoleStyle(foreground: "cyan", attributes: [.bold]),
        .title: RoleStyle(foreground: "cyan", attributes: [.bold]),
        .border: RoleStyle(foreground: "grey"),
        .selected: RoleStyle(attributes: [.reverse]),
        .hint: RoleStyle(foreground: "grey"),
        .key: RoleStyle(foreground: "yellow", attributes: [.bold]),
        .ok: RoleStyle(foreground: "green"),
        .warn: RoleStyle(foreground: "yellow", attributes: [.bold], monochrome: [.bold, .underline]),
        .crit: RoleStyle(foreground: "red", attributes: [.bold], monochrome: [.bold, .reverse]),
        .unknown: RoleStyle(foreground: "magenta", monochrome: [.dim]),
        .stale: RoleStyle(foreground: "yellow", attributes: [.underline], monochrome: [.underline]),
        .accent: RoleStyle(foreground: "cyan"),
        .banner: RoleStyle(foreground: "red", attributes: [.bold, .reverse], monochrome: [.bold, .reverse]),
        .chart: RoleStyle(foreground: "blue"),
        .changed: RoleStyle(attributes: [.reverse, .underline], monochrome: [.reverse, .underline]),
    ]
}
