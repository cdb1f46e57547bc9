import ConsoleCore

/// An in-memory `TerminalBackend` for tests: settable size and capabilities, scripted input,
/// and a record of every presented frame and how many cells each diff wrote.
public final class TestBackend: TerminalBackend {
    /// The size reported to the app (changing it does not queue a resize event; use `resize(to:)`).
    public var size: Size
    /// What the terminal can show.
    public var capabilities: TerminalCapabilities
    /// Scripted input, consumed front first by `nextEvent`.
    public var pendingEvents: [InputEvent]
    /// Every frame presented, oldest first.
    public private(set) var frames: [CellBuffer] = []
    /// The theme of each presented frame.
    public private(set) var themes: [Theme] = []
    /// Cells written by the diff for each presented frame (0 for an identical frame).
    public private(set) var cellsWritten: [Int] = []
    /// How many times `nextEvent` found the queue empty (a timeout).
    public private(set) var timeouts = 0

    /// Creates a backend of `size` with `capabilities` and scripted `events`.
    public init(size: Size = Size(columns: 80, rows: 24),
                capabilities: TerminalCapabilities = TerminalCapabilities(colorDepth: .full256, unicode: true),
                events: [InputEvent] = []) {
        self.size = size
        self.capabilities = capabilities
        self.pendingEvents = events
    }

    /// The last presented frame.
    public var lastFrame: CellBuffer? { frames.last }

    /// Records `frame` and the number of cells the diff against the previous frame writes.
    public func present(_ frame: CellBuffer, theme: Theme) {
        cellsWritten.append(FrameDiff.cellCount(FrameDiff.runs(from: frames.last, to: frame)))
        frames.append(frame)
        themes.append(theme)
    }

    /// The next scripted event, or nil (a timeout) when the script is empty.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !pendingEvents.isEmpty else {
            timeouts += 1
            return nil
        }
        return pendingEvents.removeFirst()
    }

    /// Appends events to the script.
    public func enqueue(_ events: InputEvent...) { pendingEvents.append(contentsOf: events) }

    /// Changes the size and queues the matching resize event.
    public func resize(to newSize: Size) {
        size = newSize
        pendingEvents.append(.resize(newSize))
    }

    /// The golden text of the last frame (empty if nothing was presented).
    public func golden() -> String { lastFrame.map(GoldenText.render) ?? "" }
}
