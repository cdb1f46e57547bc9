@testable import ConsoleServer
import Testing

/// The per-session token bucket on its own, with explicit times.
@Suite("Request pacing")
struct RequestPacerTests {
    @Test func aBurstPassesThenRequestsWaitForTheirShare() {
        var pacer = RequestPacer(perSecond: 2, burst: 3)
        #expect([0, 0, 0].map { pacer.delay(now: $0) } == [0, 0, 0], "the burst")
        #expect(pacer.delay(now: 0) == 0.5, "the fourth waits for half a second's token")
        #expect(pacer.delay(now: 0) == 1.0, "the fifth for the next")
    }

    @Test func anIdleSessionRefillsButNotBeyondItsBurst() {
        var pacer = RequestPacer(perSecond: 2, burst: 3)
        for _ in 0..<5 { _ = pacer.delay(now: 0) }
        #expect(pacer.delay(now: 100) == 0, "refilled after a pause")
        #expect(pacer.delay(now: 100) == 0 && pacer.delay(now: 100) == 0)
        #expect(pacer.delay(now: 100) == 0.5, "no more than the burst was stored")
    }
}
