import Analytics
import Dispatch
import Foundation
import Synchronization

/// Re-reads the access file while an SSH console runs (issue 14): when the account's grant is revoked, or the file
/// becomes unusable or unsafe, the session is ended with a one-line reason; when the grant changes (narrowed,
/// widened, another export folder) the new one is applied in place. Either within ``interval`` plus a refresh, so
/// an account never keeps seeing what it no longer may.
final class AccessWatch {
    /// How often the file is read again.
    static let interval: DispatchTimeInterval = .seconds(2)

    private let timer: any DispatchSourceTimer
    private let reason = Reason()

    /// The first reason to end, shared with the timer's queue.
    private final class Reason: Sendable {
        let value = Mutex<String?>(nil)
    }

    /// Starts watching; `onChange` (the console's stop request) runs once, off the main thread; `onNewGrant` runs
    /// off the main thread for each changed grant that still allows the account in.
    init(options: AccessOptions, grant: AccessGrant, onNewGrant: @escaping @Sendable (AccessGrant) -> Void,
         onChange: @escaping @Sendable () -> Void) {
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "eduioc.access-watch"))
        timer = source
        let box = reason
        source.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
        var applied = grant
        source.setEventHandler { [options] in
            guard box.value.withLock({ $0 == nil }) else { return }
            let why: String
            do {
                guard let current = try options.resolveGrant() else { return }  // not SSH mode: nothing to follow
                if current != applied {
                    applied = current
                    onNewGrant(current)
                }
                return
            } catch {
                why = "your access ended: \(String(describing: error))"
            }
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
