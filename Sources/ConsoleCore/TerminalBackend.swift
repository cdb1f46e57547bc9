/// An input event from the terminal, already decoded.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// A mouse event at a cell.
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize(Size)
}

/// A decoded key.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, backspace, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end, delete
    case function(Int)
    /// Ctrl plus a letter, lower-case ("c" for Ctrl-C).
    case control(Character)
}

/// A decoded mouse event.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    /// What happened.
    public var kind: Kind
    /// The cell it happened at.
    public var at: Point
    /// Creates a mouse event.
    public init(_ kind: Kind, at: Point) {
        self.kind = kind
        self.at = at
    }
}

/// What a terminal can show, decided once at start-up.
public struct TerminalCapabilities: Hashable, Sendable {
    /// How many colours the theme may use.
    public enum ColorDepth: Int, Hashable, Sendable, Comparable {
        case none = 0, sixteen = 16, full256 = 256
        /// Orders depths by the number of colours.
        public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
    }
    /// How many colours are available.
    public var colorDepth: ColorDepth
    /// False when the locale is not UTF-8: draw ASCII borders and glyphs instead.
    public var unicode: Bool
    /// Creates capabilities.
    public init(colorDepth: ColorDepth, unicode: Bool) {
        self.colorDepth = colorDepth
        self.unicode = unicode
    }
}

/// A terminal the console draws to: the real ncurses screen, or a test double.
public protocol TerminalBackend: AnyObject {
    /// The current size.
    var size: Size { get }
    /// What this terminal can show.
    var capabilities: TerminalCapabilities { get }
    /// Shows `frame`, writing only what differs from the previously shown frame.
    func present(_ frame: CellBuffer, theme: Theme)
    /// Waits up to `timeoutMilliseconds` for one input event; nil on timeout.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
}
