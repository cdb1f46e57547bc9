import Analytics
import Dispatch
import Foundation
import Synchronization

/// Re-reads the access file while an SSH console runs (issue 14): when the account's grant is revoked, the file
/// becomes unusable or unsafe, or the grant changes in any way, the session is ended (within ``interval`` plus a
/// refresh) with a one-line reason, so a removed or narrowed account never keeps seeing what it no longer may.
final class AccessWatch {
    /// How often the file is read again.
    static let interval: DispatchTimeInterval = .seconds(2)

    private let timer: any DispatchSourceTimer
    private let reason = Reason()

    /// The first reason to end, shared with the timer's queue.
    private final class Reason: Sendable {
        let value = Mutex<String?>(nil)
    }

    /// Starts watching; `onChange` (the console's stop request) runs once, off the main thread.
    init(options: AccessOptions, grant: AccessGrant, onChange: @escaping @Sendable () -> Void) {
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "eduioc.access-watch"))
        timer = source
        let box = reason
        source.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
        source.setEventHandler { [options] in
            guard box.value.withLock({ $0 == nil }) else { return }
            let why: String?
            do {
                let current = try options.resolveGrant()
                why = current == grant ? nil : "your access was changed by the administrator; connect again to see your area"
            } catch {
                why = "your access ended: \(String(describing: error))"
            }
            guard let why else { return }
            box.value.withLock { $0 = why }
            onChange()
        }
        source.resume()
    }

    /// Why the session was ended, if it was.
    var endReason: String? { reason.value.withLock { $0 } }

    /// Stops watching.
    func cancel() {
        timer.cancel()
    }
}
