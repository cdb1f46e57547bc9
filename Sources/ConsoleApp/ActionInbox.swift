import Synchronization

/// A thread-safe mailbox: background work posts actions, the UI loop drains them in order.
final class ActionInbox: Sendable {
    private let pending = Mutex<[Action]>([])
    private let polling = Mutex<Bool>(false)
    private let stop = Mutex<Bool>(false)

    /// Adds an action for the UI loop.
    func post(_ action: Action) { pending.withLock { $0.append(action) } }

    /// Takes every posted action, oldest first.
    func drain() -> [Action] { pending.withLock { actions in defer { actions.removeAll() }; return actions } }

    /// Marks a snapshot poll as started; false if one is still running.
    func beginPoll() -> Bool { polling.withLock { busy in defer { busy = true }; return !busy } }

    /// Marks the running snapshot poll as finished.
    func endPoll() { polling.withLock { $0 = false } }

    /// Asks the UI loop to stop.
    func requestStop() { stop.withLock { $0 = true } }

    /// Whether a stop was requested.
    var stopRequested: Bool { stop.withLock { $0 } }
}
