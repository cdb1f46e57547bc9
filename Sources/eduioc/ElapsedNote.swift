import Dispatch
import Foundation
import Synchronization

/// A "still working" note on stderr for a long step, so a minute-long integrity check is not silent: after
/// a second, "eduioc: checking integrity (quick_check)… 12 s" is rewritten in place every second and erased
/// when the step ends. Only on a terminal; nothing is written to a pipe or file.
enum ElapsedNote {
    /// Runs `body`, showing `label` with the seconds elapsed while it runs for longer than `after` seconds.
    /// `write` and `isTerminal` default to stderr and whether it is a terminal.
    static func run<T>(_ label: String, after: Double = 1, isTerminal: Bool = isatty(STDERR_FILENO) != 0,
                       write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
                       _ body: () throws -> T) rethrows -> T {
        guard isTerminal else { return try body() }
        let start = Date()
        let shown = Mutex(false)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "eduioc.elapsed"))
        let finished = DispatchSemaphore(value: 0)
        timer.schedule(deadline: .now() + after, repeating: max(after, 0.01))
        timer.setEventHandler {
            let seconds = Int(Date().timeIntervalSince(start))
            shown.withLock { $0 = true }
            write("\r\(label)… \(seconds) s")
        }
        timer.setCancelHandler { finished.signal() }
        timer.resume()
        defer {
            timer.cancel()
            finished.wait()  // no note is written after this point
            if shown.withLock({ $0 }) { write("\r\u{1B}[K") }
        }
        return try body()
    }
}
