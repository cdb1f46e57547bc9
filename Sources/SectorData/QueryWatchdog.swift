import Dispatch
import Foundation
import GRDB
import Synchronization

/// Stops the queries of one read that runs past its time limit (DESIGN §6: every query runs under a time limit).
///
/// After `seconds` it interrupts the connection (`sqlite3_interrupt` through GRDB), and again every 100 ms until
/// cancelled, so a statement started after the first interrupt is stopped too. The interrupted query throws
/// `SQLITE_INTERRUPT`, which ``Snapshot`` reports as ``SnapshotError/timedOut(path:seconds:)``.
final class QueryWatchdog {
    private let timer: any DispatchSourceTimer
    private let firedFlag = FiredFlag()

    /// Set by the timer's queue, read by the reader.
    private final class FiredFlag: Sendable {
        let value = Mutex(false)
    }

    /// Starts the clock for a read on `queue`; nil `seconds` never fires.
    init(queue: DatabaseQueue, seconds: TimeInterval?) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        guard let seconds else { return }
        let flag = firedFlag
        timer.schedule(deadline: .now() + seconds, repeating: .milliseconds(100))
        timer.setEventHandler { [queue] in
            flag.value.withLock { $0 = true }
            queue.interrupt()
        }
        timer.resume()
    }

    /// Whether the limit was reached.
    var fired: Bool { firedFlag.value.withLock { $0 } }

    /// Stops the clock (call when the read returns, before its result is used).
    func cancel() {
        timer.setEventHandler {}
        timer.cancel()
    }

    deinit { timer.cancel() }
}
