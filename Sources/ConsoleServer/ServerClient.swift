import Analytics
import ConsoleWire
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One connected console on the server side: its socket, the peer the kernel named, its current grant, and a
/// "dirty" flag for pushes. Answers are written by the connection's reader thread, pushes by its notifier thread;
/// a write lock keeps frames whole. A push never queues: while one is being written, further changes only set the
/// flag, and the next push carries the latest generation.
final class ServerClient: Sendable {
    struct Pending: Sendable {
        var dirty = false
        var ended: String?
    }

    let id: Int
    let descriptor: Int32
    let peer: PeerCredentials
    private let grantState: Mutex<AccessGrant>
    private let pending = Mutex(Pending())
    /// True once the descriptor is closed; checked under this lock before every write.
    private let writeLock = Mutex(false)
    private let wake = DispatchSemaphore(value: 0)
    /// Bytes written to this console (the bench reports them per refresh).
    let bytesSent = Atomic<Int>(0)

    init(id: Int, descriptor: Int32, peer: PeerCredentials, grant: AccessGrant) {
        self.id = id
        self.descriptor = descriptor
        self.peer = peer
        grantState = Mutex(grant)
    }

    /// The account's grant now (narrowed in place when the access file changes).
    var grant: AccessGrant {
        get { grantState.withLock { $0 } }
        set { grantState.withLock { $0 = newValue } }
    }

    /// Writes one message; nil when written, else why not (closed, or the write failed: the connection is then shut
    /// down, so its reader ends and cleans up).
    @discardableResult
    func send(_ message: ServerMessage, followedBy body: [UInt8]? = nil) -> String? {
        guard var bytes = try? WireProtocol.frame(message) else { return "the message could not be encoded" }
        if let body { bytes += WireProtocol.frame(body: body) }  // both frames in one write, under one lock
        return writeLock.withLock { closed -> String? in
            guard !closed else { return "the connection is closed" }
            do {
                try UnixSocket.writeAll(descriptor, bytes)
                bytesSent.add(bytes.count, ordering: .relaxed)
                return nil
            } catch {
                shutdown(descriptor, Int32(SHUT_RDWR))
                return String(describing: error)
            }
        }
    }

    /// Marks a change for the notifier (no backlog: one flag).
    func markDirty() {
        pending.withLock { $0.dirty = true }
        wake.signal()
    }

    /// Ends the session: the notifier sends `reason` and shuts the connection down.
    func end(_ reason: String) {
        pending.withLock { if $0.ended == nil { $0.ended = reason } }
        wake.signal()
    }

    /// The notifier's loop: waits for a mark, sends the latest state, until the connection closes.
    func runNotifier(status: @Sendable () -> (generation: Int, problem: String?)) {
        while true {
            wake.wait()
            if writeLock.withLock({ $0 }) { return }
            let now = pending.withLock { current -> Pending in
                let taken = current
                current.dirty = false
                return taken
            }
            if let reason = now.ended {
                send(.ended(reason: reason))
                writeLock.withLock { closed in if !closed { shutdown(descriptor, Int32(SHUT_RDWR)) } }
                return
            }
            if now.dirty {
                let (generation, problem) = status()
                send(.changed(generation: generation, problem: problem, scopeLabel: ServerGrant.label(grant)))
            }
        }
    }

    /// Shuts the connection down without a message (the server is stopping); the reader then closes it.
    func disconnect() {
        writeLock.withLock { closed in if !closed { shutdown(descriptor, Int32(SHUT_RDWR)) } }
    }

    /// Closes the descriptor (the reader thread, once, at the end) and lets the notifier end.
    func close() {
        writeLock.withLock { closed in
            guard !closed else { return }
            closed = true
            Glibc.close(descriptor)
        }
        wake.signal()
    }
}
