import Foundation
import TestSupport
import Testing

/// Breaking the snapshot under a running console: the last good figures stay, a banner says why and since
/// when, the data age keeps showing, and a good file brings the console back by itself.
@Suite("Fault injection end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct FaultInjectionEndToEndTests {
    @Test func faultsKeepTheLastGoodDataAndRecover() throws {
        let live = try LiveSnapshot()
        let pristine = try live.copy(named: "pristine.sqlite")
        var shown = try live.presentToday()
        let session = try ConsoleSession(columns: 160, rows: 40, snapshot: live.url)
        let tmux = session.tmux
        try tmux.waitFor("Có mặt \(shown) (sqlite3)") { showsPresent(shown, $0) }

        /// Waits for the banner naming `reason` while the last good figure and the data age stay on screen.
        func expectFault(_ what: String, reason: String) throws {
            let screen = try tmux.waitFor("the stale banner for \(what) (\"\(reason)\")", timeout: 10) {
                $0.contains("Dữ liệu cũ từ") && $0.contains(reason)
            }
            #expect(showsPresent(shown, screen), "\(what): the last good Có mặt \(shown) stays on screen")
            #expect(screen.contains("dữ liệu "), "\(what): the header still shows the data age")
        }
        /// Publishes a good copy with one more present pupil and waits for the console to show it, banner gone.
        func restore(after what: String) throws {
            // One more present pupil in the good copy, so the figure proves the console read the new file. The
            // write stamps recorded_at with its own time, as the snapshot contract requires of every write.
            try live.execute("""
                UPDATE attendance SET status = 'present', recorded_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                WHERE day = \(LiveSnapshot.todaySQL) AND student_id =
                  (SELECT min(student_id) FROM attendance WHERE day = \(LiveSnapshot.todaySQL) AND status <> 'present')
                """, file: pristine)
            let good = live.directory.appendingPathComponent("restore.sqlite")
            try? FileManager.default.removeItem(at: good)
            try FileManager.default.copyItem(at: pristine, to: good)
            try live.publish(good)
            shown = try live.presentToday()
            try tmux.waitFor("recovery after \(what): Có mặt \(shown), no banner", timeout: 10) {
                showsPresent(shown, $0) && !$0.contains("Dữ liệu cũ")
            }
        }

        // Deleted.
        try FileManager.default.removeItem(at: live.url)
        try expectFault("a deleted snapshot", reason: "no such file")
        try restore(after: "delete")

        // Replaced by garbage.
        let garbage = live.directory.appendingPathComponent("garbage.sqlite")
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
        try Data(bytes).write(to: garbage)
        try live.publish(garbage)
        try expectFault("garbage", reason: "not an SQLite database")
        try restore(after: "garbage")

        // Truncated in place (same file, half its size).
        let size = try FileManager.default.attributesOfItem(atPath: live.url.path)[.size] as? Int ?? 0
        #expect(truncate(live.url.path, off_t(size / 2)) == 0)
        try expectFault("truncation in place", reason: "truncated")
        try restore(after: "truncation")

        // Another schema version, published by rename.
        let future = try live.copy(named: "future.sqlite")
        try live.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'", file: future)
        try live.publish(future)
        try expectFault("schema_version 2 by rename", reason: "schema_version is 2")
        try restore(after: "wrong version by rename")

        // Another schema version, written in place.
        try live.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        try expectFault("schema_version 3 in place", reason: "schema_version is 3")
        try restore(after: "wrong version in place")

        // Replaced by a directory (cannot be opened at all).
        try FileManager.default.removeItem(at: live.url)
        try FileManager.default.createDirectory(at: live.url, withIntermediateDirectories: false)
        try expectFault("a directory at the path", reason: "is a directory")
        try FileManager.default.removeItem(at: live.url)
        try restore(after: "directory")

        try tmux.send("q")
        let end = try tmux.waitFor(text: " END")
        #expect(end.contains("EXIT:0"))
    }
}
