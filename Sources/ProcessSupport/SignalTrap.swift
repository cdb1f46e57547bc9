import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a polite stop request, so the console always leaves
/// through its normal exit path (terminal restored, workers ended). The handlers run on a dispatch queue,
/// never inside the signal context.
public final class SignalTrap {
    private let caught: CaughtSignal
    private let sources: [DispatchSourceSignal]

    /// Installs the trap; `onSignal` runs once per delivered signal, off the main thread.
    public init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT], onSignal: @escaping @Sendable (Int32) -> Void) {
        var made: [DispatchSourceSignal] = []
        let queue = DispatchQueue(label: "eduioc.signals")
        let box = CaughtSignal()
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                box.record(number)
                onSignal(number)
            }
            source.resume()
            made.append(source)
        }
        self.sources = made
        self.caught = box
    }

    /// The first signal caught, if any.
    public var caughtSignal: Int32? { caught.first }

    /// The conventional exit status for a run ended by `caughtSignal` (128 + number), or `normal`.
    public func exitStatus(normal: Int32 = 0) -> Int32 { caughtSignal.map { 128 + $0 } ?? normal }
}

/// The first signal delivered, shared between the signal queue and the main thread.
public final class CaughtSignal: Sendable {
    private let value = Mutex<Int32?>(nil)
    /// Records `number` unless a signal was already recorded.
    public func record(_ number: Int32) { value.withLock { if $0 == nil { $0 = number } } }
    /// The first signal recorded.
    public var first: Int32? { value.withLock { $0 } }
}
