import Dispatch
import Foundation

/// A "still working" note on stderr for a long step, so a minute-long integrity check is not silent: after
/// a second, "eduioc: checking integrity (quick_check)… 12 s" is rewritten in place every second and erased
/// when the step ends. Only on a terminal; nothing is written to a pipe or file.
enum ElapsedNote {
    /// Runs `body`, showing `label` with the seconds elapsed while it runs for longer than a second.
    static func run<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        guard isatty(STDERR_FILENO) != 0 else { return try body() }
        let start = Date()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "eduioc.elapsed"))
        let finished = DispatchSemaphore(value: 0)
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler {
            let seconds = Int(Date().timeIntervalSince(start))
            FileHandle.standardError.write(Data("\r\(label)… \(seconds) s".utf8))
        }
        timer.setCancelHandler { finished.signal() }
        timer.resume()
        defer {
            timer.cancel()
            finished.wait()  // no note is written after this point
            if Date().timeIntervalSince(start) >= 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
        return try body()
    }
}
