import Foundation
import TestSupport
import Testing

/// The real console in tmux following `eduioc sample feed` in both delivery modes.
@Suite("Live feed end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct LiveFeedEndToEndTests {
    @Test(arguments: ["in-place", "rename"])
    func consoleFollowsTheFeed(mode: String) throws {
        let live = try LiveSnapshot()
        let before = try live.presentToday()
        let session = try ConsoleSession(columns: 120, rows: 36, snapshot: live.url)
        try session.tmux.waitFor("Có mặt \(before) (sqlite3, before the feed)") { showsPresent(before, $0) }

        let output = try live.feed(["--mode", mode, "--speed", "600", "--publications", "3", "--interval", "0.3"])
        #expect(output.stdout.split(separator: "\n").count == 3, "one line per publication")
        #expect(output.stdout.contains("#3 published_at"))
        let after = try live.presentToday()
        #expect(after > before, "the check-in wave added present rows")
        let journal = try live.sql("PRAGMA journal_mode").first
        #expect(journal == (mode == "rename" ? "delete" : "wal"))

        // The console shows the new figure by itself (it polls once a second), no key pressed.
        try waitUntilConsoleShows(after, "(sqlite3, after the \(mode) feed: \(output.stdout.split(separator: "\n").count) publications)",
                                  session: session, live: live)
        let screen = try session.tmux.screen()
        #expect(!screen.contains("Dữ liệu cũ"), "no stale banner while following the feed")
        if mode == "in-place" {
            // The console holds no read transaction between refreshes: a full checkpoint by another
            // writer completes (busy = 0) and empties the WAL while the console keeps running.
            let sqlite = try ExternalTool.require("sqlite3")
            let checkpoint = try ProcessRunner.run(sqlite, [live.url.path], stdin: ".timeout 2000\nPRAGMA wal_checkpoint(TRUNCATE);\n")
            #expect(checkpoint.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0|0|0",
                    "wal_checkpoint(TRUNCATE) with the console open: \(checkpoint.stdout) \(checkpoint.stderr)")
        }
        try session.tmux.send("q")
        let end = try session.tmux.waitFor(text: " END")
        #expect(end.contains("EXIT:0"))
    }
}
