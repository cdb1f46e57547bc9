import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import Synchronization
import ConsoleTesting
import ReportModel
import Testing

/// The runtime loop with a test backend and a clock that jumps one second per look: an idle console
/// builds a frame only when a time shown on screen moves, not on every tick.
@Suite("Runtime idle redraws")
struct RuntimeIdleTests {
    /// A fixed report; the snapshot never changes.
    private struct StillSource: DashboardDataSource {
        func report(for node: NodeRef?, asOf: Date) throws -> NodeReport { ReportFixtures.provinceReport() }
        func resolve(_ target: JumpTarget) throws -> NodeRef { ReportFixtures.province }
        func pollForChange() -> SnapshotPoll { .unchanged }
    }

    /// A clock advancing one second per reading; after `limit` readings it asks the loop to stop.
    private final class SteppingClock: Sendable {
        let readings = Mutex(0)
        let stop = Mutex<(@Sendable () -> Void)?>(nil)
        let start: Date
        let limit: Int
        init(start: Date, limit: Int) { self.start = start; self.limit = limit }
        func now() -> Date {
            let count = readings.withLock { $0 += 1; return $0 }
            if count >= limit { stop.withLock { $0 }?() }
            return start.addingTimeInterval(Double(count))
        }
    }

    @Test func ticksWithinAMinuteDrawNothing() {
        let start = ReportFixtures.asOf.addingTimeInterval(10)  // 14:00:10 in the province
        let clock = SteppingClock(start: start, limit: 300)      // five simulated minutes of idle ticks
        let backend = TestBackend(size: Size(columns: 100, rows: 30))
        let state = AppState(size: backend.size, now: start)
        let runtime = ConsoleRuntime(backend: backend, source: StillSource(), themes: [Theme(name: "default")], state: state,
                                     clock: { clock.now() })
        clock.stop.withLock { $0 = runtime.stopRequester }
        runtime.run()

        print("idle runtime: \(backend.frames.count) frames over \(clock.readings.withLock { $0 }) clock readings")
        // ~300 ticks: the first frame, the loaded report, and a frame per minute the clock or the data age moved.
        #expect(backend.frames.count >= 3)
        #expect(backend.frames.count <= 16, "frames built while idle: \(backend.frames.count)")
        let last = backend.golden()
        let shown = Formats.clock(runtime.state.now, runtime.state.timeZone)
        #expect(last.contains(shown), "the last frame shows the clock's minute \(shown)")
    }

    @Test func anIdleWallWithoutRotationRedrawsOnlyItsSecondsClock() {
        let start = ReportFixtures.asOf.addingTimeInterval(10)
        let clock = SteppingClock(start: start, limit: 40)
        let backend = TestBackend(size: Size(columns: 200, rows: 60))
        var state = AppState(size: backend.size, now: start)
        state.wall = WallState(rotateSeconds: nil, now: start)
        let runtime = ConsoleRuntime(backend: backend, source: StillSource(), themes: [Theme(name: "default")], state: state,
                                     clock: { clock.now() })
        clock.stop.withLock { $0 = runtime.stopRequester }
        runtime.run()

        // After the first frames (empty, then the report), one frame a second; each changes only the clock's
        // digits (up to 6 cells when a minute turns, and the minutes-old note is not on the wall).
        let steady = Array(backend.cellsWritten.dropFirst(3))
        #expect(steady.count >= 20, "a frame a second: \(backend.cellsWritten)")
        #expect(steady.allSatisfy { $0 >= 1 && $0 <= 6 }, "cells written per idle second: \(steady)")
        #expect(backend.golden().contains(Formats.clockSeconds(runtime.state.now, runtime.state.timeZone)))
    }
}
