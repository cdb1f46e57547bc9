import Foundation
import TestSupport
import Testing

/// A bounded soak: the feed publishes by rename as fast as it can while the console runs.
@Suite("Soak end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct SoakEndToEndTests {
    /// Seconds of flat-out publishing (the whole test stays well under a minute).
    static let soakSeconds = 25
    /// The memory bound after the soak: under twice the warmed-up RSS, or at most 50 MiB more, whichever is larger.
    static func bound(warm: Int) -> Int { max(2 * warm, warm + 50 * 1024) }

    @Test func renameFloodLeavesTheConsoleAliveCurrentAndBounded() throws {
        let live = try LiveSnapshot()
        let session = try ConsoleSession(columns: 120, rows: 36, snapshot: live.url)
        let first = try live.presentToday()
        try session.tmux.waitFor("Có mặt \(first)") { showsPresent(first, $0) }
        let console = try ConsoleProcess.find(in: session.tmux)

        // Warm-up: a few seconds of publications, so caches and allocator pools reach their working size.
        _ = try live.feed(["--mode", "rename", "--interval", "0", "--duration", "4", "--quiet", "--seed", "1"])
        let warmed = try live.presentToday()
        try waitUntilConsoleShows(warmed, "(after the warm-up)", session: session, live: live)
        let warm = try console.residentKiB()

        let flood = try live.feed(["--mode", "rename", "--interval", "0", "--duration", "\(Self.soakSeconds)", "--quiet",
                                   "--seed", "2"], timeout: 120)
        let count = flood.stdout.split(separator: " ").first.map { $0.dropFirst() }.map(String.init) ?? "?"
        let latest = try live.presentToday()
        try waitUntilConsoleShows(latest, "(the latest publication, after \(count) in the flood)", session: session, live: live)
        #expect(console.isAlive)
        let after = try console.residentKiB()
        print("soak: \(count) publications by rename in \(Self.soakSeconds) s; console VmRSS \(warm) KiB after warm-up, "
              + "\(after) KiB after the soak (bound \(Self.bound(warm: warm)) KiB)")
        #expect(after < Self.bound(warm: warm), "VmRSS \(after) KiB after the soak, \(warm) KiB after warm-up")

        let screen = try session.tmux.screen()
        #expect(!screen.contains("Dữ liệu cũ"), "no stale banner after the soak")
        try session.tmux.send("q")
        let end = try session.tmux.waitFor(text: " END")
        #expect(end.contains("EXIT:0"))
    }
}
