import CNcursesw
import ConsoleCore
import Glibc

/// The real terminal: a `TerminalBackend` over wide-character ncurses.
///
/// Create it once at start-up, draw with `present`, read input with `nextEvent`, and call `shutdown()`
/// (also done by `deinit`) to restore the terminal. `NcursesTerminal.restoreTerminal()` may be called from
/// any thread or signal handler; `endwin()` runs exactly once per process either way.
public final class NcursesTerminal: TerminalBackend {
    /// Why the terminal could not be started.
    public struct StartError: Error, CustomStringConvertible, Sendable {
        /// A readable form for logs and test failures.
        public var description: String
    }

    /// What the terminal can show.
    public private(set) var capabilities: TerminalCapabilities
    private let screen: OpaquePointer
    private var previous: CellBuffer?
    private var previousTheme: Theme?
    private var styleCache: [CellStyle: (attr: attr_t, pair: Int16)] = [:]
    private var pairs: [ColorKey: Int16] = [:]
    private var defaultColorsAvailable = false
    private var hasStopped = false

    private struct ColorKey: Hashable {
        var foreground: Int?
        var background: Int?
    }

    /// Starts ncurses: sets the locale (falling back to C.UTF-8), cbreak (Ctrl-C stays a signal), no echo,
    /// keypad, mouse clicks and wheel, hidden cursor, colours unless `noColor` (e.g. `NO_COLOR` was set);
    /// `asciiOnly` forces the ASCII fallback even on a UTF-8 terminal.
    public init(noColor: Bool = false, asciiOnly: Bool = false, escapeDelayMilliseconds: Int32 = 25, doubleClickMilliseconds: Int32 = 300) throws {
        setlocale(LC_ALL, "")
        var unicode = eduioc_locale_is_utf8() != 0
        if !unicode {
            if setlocale(LC_ALL, "C.UTF-8") != nil || setlocale(LC_ALL, "C.utf8") != nil {
                unicode = eduioc_locale_is_utf8() != 0
            }
            if !unicode { setlocale(LC_ALL, "") }
        }
        set_escdelay(escapeDelayMilliseconds)
        _ = eduioc_take_over_winch()
        // ncurses sizes its screens from LINES/COLUMNS when set: a window larger than the cap starts capped.
        let restoreEnvironment = Self.capInitialSize()
        defer { restoreEnvironment() }
        guard let screen = newterm(nil, eduioc_stdout(), eduioc_stdin()) else {
            throw StartError(description: "cannot start the terminal (is TERM set to a known terminal type?)")
        }
        self.screen = screen
        set_term(screen)
        guard eduioc_can_address_cursor() != 0 else {
            // TERM=dumb and its kind would get one garbled line: refuse before drawing anything.
            endwin()
            delscreen(screen)
            throw StartError(description: "this terminal cannot move the cursor (TERM is a line-only type such as dumb); "
                             + "the console needs a full-screen terminal, e.g. TERM=xterm-256color")
        }
        cbreak()
        noecho()
        nonl()
        let win = eduioc_stdscr()
        keypad(win, true)
        intrflush(win, false)
        curs_set(0)
        var depth = TerminalCapabilities.ColorDepth.none
        if !noColor && has_colors() {
            start_color()
            defaultColorsAvailable = use_default_colors() == OK
            let colors = eduioc_colors()
            depth = colors >= 256 ? .full256 : (colors >= 8 ? .sixteen : .none)
        }
        capabilities = TerminalCapabilities(colorDepth: depth, unicode: unicode && !asciiOnly)
        let mask = eduioc_button1_clicked() | eduioc_button1_double_clicked() | eduioc_button4_pressed() | eduioc_button5_pressed()
        mousemask(mask, nil)
        mouseinterval(doubleClickMilliseconds)
    }

    deinit { shutdown() }

    /// Restores the terminal (`endwin`); safe to call more than once.
    public func shutdown() {
        guard !hasStopped else { return }
        hasStopped = true
        NcursesTerminal.restoreTerminal()
    }

    /// Calls `endwin()` if it has not run yet in this process; callable from any thread or a signal handler.
    public static func restoreTerminal() {
        _ = eduioc_endwin_once()
    }

    /// The largest screen drawn: a larger window shows the dashboard at this size in its top-left corner, so
    /// the window size a client sets cannot make the process's memory grow without bound.
    public static let maximumSize = Size(columns: 500, rows: 300)

    /// The kernel's window size, capped at ``maximumSize``; nil when it cannot be read.
    static func cappedTerminalSize() -> (rows: Int32, columns: Int32)? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard eduioc_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 else { return nil }
        return (min(rows, Int32(maximumSize.rows)), min(columns, Int32(maximumSize.columns)))
    }

    /// Sets LINES/COLUMNS to the capped size while ncurses starts, when the window is larger than the cap;
    /// returns what puts the environment back.
    private static func capInitialSize() -> () -> Void {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard eduioc_terminal_size(STDOUT_FILENO, &rows, &columns) == 0,
              rows > Int32(maximumSize.rows) || columns > Int32(maximumSize.columns),
              let capped = cappedTerminalSize() else { return {} }
        let saved = ["LINES", "COLUMNS"].map { (name: String) in (name, getenv(name).map { String(cString: $0) }) }
        setenv("LINES", "\(capped.rows)", 1)
        setenv("COLUMNS", "\(capped.columns)", 1)
        return {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
    }

    /// After SIGWINCH: resizes ncurses' screens to the window, capped; the new size.
    private func applyWindowChange() -> Size {
        if let capped = Self.cappedTerminalSize() { _ = resizeterm(capped.rows, capped.columns) }
        forgetTheScreen()
        return size
    }

    /// After a window change: the next frame is written whole, and ncurses clears and redraws the terminal with it
    /// (the terminal may have moved or cropped its lines: a resize storm in tmux left the bottom of an older, taller
    /// layout at the top of the window, and diffing against what ncurses believed was there never repainted it).
    private func forgetTheScreen() {
        previous = nil
        _ = eduioc_redraw_all_on_next_refresh()
    }

    /// The current screen size.
    public var size: Size {
        let win = eduioc_stdscr()
        return Size(columns: Int(getmaxx(win)), rows: Int(getmaxy(win)))
    }

    /// Writes the cells that differ from the last presented frame; refreshes only if something changed.
    public func present(_ frame: CellBuffer, theme: Theme) {
        guard !hasStopped else { return }
        if previousTheme != theme {
            styleCache.removeAll()
            previous = nil
            previousTheme = theme
        }
        let runs = FrameDiff.runs(from: previous, to: frame)
        previous = frame
        guard !runs.isEmpty else { return }
        let win = eduioc_stdscr()
        let screenSize = size
        for run in runs where run.row < screenSize.rows {
            var x = run.column
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation || x >= screenSize.columns { continue }
                write(cell, x: x, y: run.row, win: win, theme: theme, maxX: screenSize.columns)
            }
        }
        wnoutrefresh(win)
        doupdate()
    }

    private func write(_ cell: Cell, x: Int, y: Int, win: UnsafeMutablePointer<WINDOW>?, theme: Theme, maxX: Int) {
        let (attr, pair) = look(cell.style, theme: theme)
        var grapheme = cell.grapheme
        if grapheme.unicodeScalars.contains(where: TextSanitizer.isUnsafe) {
            grapheme = " "  // last line of defence: cells set directly through the subscript skip `put`'s filter
        }
        if !capabilities.unicode, let g = grapheme.first {
            let ascii = AsciiFallback.text(for: g)
            if ascii.count > 1 {  // a wide character: one ASCII stand-in per column
                for (i, c) in ascii.prefix(2).enumerated() where x + i < maxX {
                    write(Cell(String(c), style: cell.style), x: x + i, y: y, win: win, theme: theme, maxX: maxX)
                }
                return
            }
            grapheme = ascii
        }
        let width = min(2, max(1, DisplayWidth.of(grapheme)))
        var glyph = NcursesTerminal.wideChars(grapheme, expectedWidth: width)
        if width == 2 && x + 1 >= maxX { glyph = ([0x20, 0], false) }
        var cc = cchar_t()
        glyph.chars.withUnsafeBufferPointer { buf in
            _ = setcchar(&cc, buf.baseAddress, attr, pair, nil)
        }
        _ = mvwadd_wch(win, Int32(y), Int32(x), &cc)
        if glyph.placeholder && width == 2 && x + 1 < maxX {
            _ = mvwadd_wch(win, Int32(y), Int32(x + 1), &cc)  // fill the second column of a wide placeholder
        }
    }

    /// The NUL-terminated wchar_t string for one grapheme: its base and combining marks; or `?` (a
    /// placeholder) when the C library's width for it differs from ours, so that columns never shift.
    static func wideChars(_ grapheme: String, expectedWidth: Int) -> (chars: [wchar_t], placeholder: Bool) {
        let scalars = Array(grapheme.unicodeScalars)
        guard let base = scalars.first else { return ([0x20, 0], false) }
        if base.isASCII { return ([wchar_t(base.value), 0], false) }
        guard Int(eduioc_wcwidth(wchar_t(base.value))) == expectedWidth else { return ([0x3F, 0], true) }
        var chars: [wchar_t] = [wchar_t(base.value)]
        let limit = Int(eduioc_ccharw_max()) - 1
        for scalar in scalars.dropFirst() where chars.count < limit {
            if eduioc_wcwidth(wchar_t(scalar.value)) == 0 { chars.append(wchar_t(scalar.value)) }
        }
        chars.append(0)
        return (chars, false)
    }

    /// The attributes and colour pair for a cell style under `theme`, cached.
    private func look(_ style: CellStyle, theme: Theme) -> (attr: attr_t, pair: Int16) {
        if let cached = styleCache[style] { return cached }
        let resolved = theme.resolve(style, depth: capabilities.colorDepth)
        var attr = eduioc_a_normal()
        if resolved.attributes.contains(.bold) { attr |= eduioc_a_bold() }
        if resolved.attributes.contains(.underline) { attr |= eduioc_a_underline() }
        if resolved.attributes.contains(.reverse) { attr |= eduioc_a_reverse() }
        if resolved.attributes.contains(.dim) { attr |= eduioc_a_dim() }
        var pair: Int16 = 0
        if capabilities.colorDepth != .none {
            var fg = resolved.foreground
            var bg = resolved.background
            let colors = Int(eduioc_colors())
            if let f = fg, f >= colors {  // e.g. bright colours on an 8-colour terminal
                fg = f >= 8 && f < 16 ? f - 8 : nil
                if f >= 8 && f < 16 { attr |= eduioc_a_bold() }
            }
            if let b = bg, b >= colors { bg = b >= 8 && b < 16 ? b - 8 : nil }
            pair = colorPair(ColorKey(foreground: fg, background: bg))
        }
        styleCache[style] = (attr, pair)
        return (attr, pair)
    }

    /// A colour pair for (fg, bg), allocated on first use; pair 0 (default colours) when pairs run out.
    private func colorPair(_ key: ColorKey) -> Int16 {
        if key.foreground == nil && key.background == nil { return 0 }
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < min(Int(eduioc_color_pairs()), Int(Int16.max)) else { return 0 }
        let fallbackFG = defaultColorsAvailable ? -1 : Int(COLOR_WHITE)
        let fallbackBG = defaultColorsAvailable ? -1 : Int(COLOR_BLACK)
        let fg = Int16(key.foreground ?? fallbackFG)
        let bg = Int16(key.background ?? fallbackBG)
        guard init_pair(Int16(next), fg, bg) == OK else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key, mouse or resize event.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !hasStopped else { return nil }
        if eduioc_winch_pending() != 0 { return .resize(applyWindowChange()) }
        let win = eduioc_stdscr()
        wtimeout(win, Int32(clamping: timeoutMilliseconds))
        var ch: wint_t = 0
        let result = wget_wch(win, &ch)
        switch result {
        case KEY_CODE_YES:
            return decodeKeyCode(Int32(bitPattern: ch))
        case OK where ch == 27:
            return readEscape(win)
        case OK:
            return InputDecoding.character(UInt32(ch))
        default:
            return eduioc_winch_pending() != 0 ? .resize(applyWindowChange()) : nil
        }
    }

    /// After an Esc: a lone Esc, or the rest of an escape sequence ncurses did not recognise (a `TERM`
    /// mismatch), which is decoded or swallowed whole so it never turns into Esc plus stray characters.
    private func readEscape(_ win: UnsafeMutablePointer<WINDOW>?) -> InputEvent? {
        wtimeout(win, 0)
        var next: wint_t = 0
        let r = wget_wch(win, &next)
        guard r == OK else {
            if r == KEY_CODE_YES { _ = unget_wch(wchar_t(bitPattern: UInt32(next))) }
            return .key(.escape)
        }
        guard next == 0x5B || next == 0x4F, let introducer = Unicode.Scalar(UInt32(next)).map(Character.init) else {
            _ = unget_wch(wchar_t(bitPattern: UInt32(next)))  // Esc then another key: deliver both
            return .key(.escape)
        }
        var body = ""
        for _ in 0..<16 {
            var c: wint_t = 0
            guard wget_wch(win, &c) == OK, let scalar = Unicode.Scalar(UInt32(c)) else { break }
            body.unicodeScalars.append(scalar)
            if introducer == "O" || InputDecoding.isFinalByte(UInt32(c)) { break }
        }
        if body.isEmpty {  // Esc then '[' or 'O' typed: deliver both
            _ = unget_wch(wchar_t(bitPattern: UInt32(next)))
            return .key(.escape)
        }
        return InputDecoding.escapeSequence(introducer: introducer, body: body).map(InputEvent.key)
    }

    private func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            forgetTheScreen()
            return .resize(size)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let at = Point(x: Int(event.x), y: Int(event.y))
            let state = event.bstate
            if state & eduioc_button1_double_clicked() != 0 { return .mouse(MouseEvent(.doubleClick, at: at)) }
            if state & (eduioc_button1_clicked() | eduioc_button1_pressed()) != 0 { return .mouse(MouseEvent(.click, at: at)) }
            if state & eduioc_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, at: at)) }
            if state & eduioc_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, at: at)) }
            return nil
        default:
            return NcursesTerminal.decodeKey(code).map(InputEvent.key)
        }
    }

    /// Decodes an ncurses KEY_* code.
    static func decodeKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_F0 + 1...KEY_F0 + 24: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
