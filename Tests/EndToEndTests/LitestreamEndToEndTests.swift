import Foundation
import TestSupport
import Testing

/// The real console following a real Litestream follower (issue 16), in tmux: a primary in WAL mode →
/// `litestream replicate` to a file replica → `litestream restore -f` in each console host's folder →
/// `eduioc console --snapshot` on the follower's file. The recipes are docs/REPLICATION.md's.
///
/// Each test commits on the primary and waits for the console's "Có mặt" figure to reach the primary's count
/// (printing how long it took), checks that the follower's txid advanced while the console was open, and that
/// between refreshes nobody holds a lock on the follower's file (/proc/locks): a console holding one stalls the
/// follower for as long as it runs.
@Suite("Litestream end to end (tmux, real litestream)", .serialized, .enabled(if: LitestreamBinary.shouldRun))
struct LitestreamEndToEndTests {
    @Test func consoleStartedAfterTheFollowerFollowsIt() throws {
        let rig = try LitestreamRig()
        let follower = try rig.startFollower("host-a")
        let opened = try rig.checkIn(40)  // applied before the console starts
        try rig.wait("the follower's first apply", timeout: 15) { (try? rig.live.presentToday(file: follower.snapshot)) == opened }
        let console = try ConsoleSession(columns: 120, rows: 36, snapshot: follower.snapshot)
        try expectFollows(rig, follower, console)
    }

    @Test func consoleStartedBeforeTheFollowersFirstApplyFollowsIt() throws {
        let rig = try LitestreamRig()
        let follower = try rig.startFollower("host-a")
        let restored = follower.txid
        // The restored file is still in WAL mode (header bytes 18–19 = 2): the follower rewrites it as a rollback
        // file only when it applies page 1. A reader holding a connection to it kept a SHARED lock forever.
        #expect(try rig.live.sql("PRAGMA journal_mode", file: follower.snapshot).first == "wal")
        let present = try rig.live.presentToday()
        let console = try ConsoleSession(columns: 120, rows: 36, snapshot: follower.snapshot)
        try console.tmux.waitFor("the restored figure, Có mặt \(present)") { presentFigure(in: $0) == present }
        #expect(follower.txid == restored, "no apply yet when the console opened")
        try expectFollows(rig, follower, console)
    }

    @Test func followerRestartedAndRecoveredWhileTheConsoleStaysOpen() throws {
        let rig = try LitestreamRig()
        let follower = try rig.startFollower("host-a")
        let console = try ConsoleSession(columns: 120, rows: 36, snapshot: follower.snapshot)
        try expectFollows(rig, follower, console)

        // The follower stops (a reboot, an upgrade) while commits go on; restarting it on its output fails with
        // Litestream 0.5's own refusal, the case docs/REPLICATION.md recovers from.
        follower.stop()
        let before = follower.txid
        let missed = try rig.checkIn(7)
        let resume = try follower.launch()
        try rig.wait("the resumed follower to give up", timeout: 20) { !resume.isRunning }
        #expect(resume.log.contains("cannot resume follow mode"), "resume: \(resume.log)")

        // The recovery the doc gives, with the console left running: remove the output and its -txid and restore in
        // follow mode again (Litestream restores beside it and renames it into place).
        try FileManager.default.removeItem(at: follower.snapshot)
        try FileManager.default.removeItem(at: follower.txidFile)
        try follower.start()
        try console.tmux.waitFor("the missed check-ins after the recovery (Có mặt \(missed))", timeout: 15) {
            presentFigure(in: $0) == missed && !$0.contains("Dữ liệu cũ")
        }
        #expect(follower.txid >= before, "the re-restored follower starts at the replica's latest txid")
        try expectFollows(rig, follower, console)
    }

    @Test func twoFollowerHostsEachWithAConsole() throws {
        let rig = try LitestreamRig()
        let hosts = [try rig.startFollower("host-a"), try rig.startFollower("host-b")]
        let consoles = try hosts.map { try ConsoleSession(columns: 120, rows: 36, snapshot: $0.snapshot) }
        let starts = hosts.map(\.txid)
        for round in 1...2 {
            let expected = try rig.checkIn(10 * round)
            let committed = Date()
            for (host, console) in zip(hosts, consoles) {
                try console.tmux.waitFor("\(host.folder.lastPathComponent): Có mặt \(expected)", timeout: 10) {
                    presentFigure(in: $0) == expected
                }
                print("litestream e2e: \(host.folder.lastPathComponent) shows the commit after "
                      + String(format: "%.2f s", Date().timeIntervalSince(committed)))
            }
        }
        for (host, start) in zip(hosts, starts) {
            #expect(host.txid > start, "\(host.folder.lastPathComponent): txid advanced with its console open")
            try expectNoLocksBetweenRefreshes(host)
        }
    }

    @Test func restoreToATemporaryFileAndRenameOnATimer() throws {
        let rig = try LitestreamRig()
        let folder = rig.live.directory.appendingPathComponent("host-r")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let snapshot = folder.appendingPathComponent("snapshot.sqlite")
        // docs/REPLICATION.md, "Restore to a temporary file and rename it, on a timer" (one run of the timer).
        let publish = """
            set -e
            cd \(TmuxSession.quote(folder.path))
            rm -f .snapshot.next .snapshot.next-txid .snapshot.next.tmp
            \(TmuxSession.quote(rig.litestream)) restore -o .snapshot.next \(TmuxSession.quote(rig.replicaURL))
            sqlite3 .snapshot.next 'PRAGMA journal_mode=DELETE' >/dev/null
            sync .snapshot.next
            mv .snapshot.next snapshot.sqlite
            """
        func runTimer() throws {
            let result = try ProcessRunner.run("/bin/sh", ["-c", publish], timeout: 60)
            #expect(result.status == 0, "the recipe: \(result.stderr)")
        }
        var expected = try rig.checkIn(5)
        try rig.wait("the replica to hold the check-ins", timeout: 10) { try Self.replicaHolds(expected, rig) }
        try runTimer()
        let console = try ConsoleSession(columns: 120, rows: 36, snapshot: snapshot)
        try console.tmux.waitFor("Có mặt \(expected)") { presentFigure(in: $0) == expected }
        for round in 1...2 {
            let previous = try inode(of: snapshot)
            expected = try rig.checkIn(10 * round)
            try rig.wait("the replica to hold round \(round)", timeout: 10) { try Self.replicaHolds(expected, rig) }
            let committed = Date()
            try runTimer()
            try console.tmux.waitFor("round \(round): Có mặt \(expected) from the renamed file", timeout: 10) {
                presentFigure(in: $0) == expected && !$0.contains("Dữ liệu cũ")
            }
            print("litestream e2e: restore + rename shown after " + String(format: "%.2f s", Date().timeIntervalSince(committed)))
            #expect(try inode(of: snapshot) != previous, "a new file was renamed into place")
        }
        #expect(try rig.live.sql("PRAGMA journal_mode", file: snapshot).first == "delete")
        #expect(FileLocks.on(snapshot.path).isEmpty, "\(FileLocks.on(snapshot.path))")
    }

    @Test func sqlite3BackupAndRename() throws {
        let live = try LiveSnapshot(schools: 12, name: "primary.sqlite")
        try live.execute("PRAGMA journal_mode = WAL")
        let folder = live.directory.appendingPathComponent("host-b")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let snapshot = folder.appendingPathComponent("snapshot.sqlite")
        // docs/REPLICATION.md, "sqlite3 .backup and rename".
        let publish = """
            set -e
            cd \(TmuxSession.quote(folder.path))
            rm -f .snapshot.next
            sqlite3 \(TmuxSession.quote(live.url.path)) ".timeout 5000" ".backup '.snapshot.next'"
            sqlite3 .snapshot.next 'PRAGMA journal_mode=DELETE' >/dev/null
            sync .snapshot.next
            mv .snapshot.next snapshot.sqlite
            """
        func runPublish() throws {
            let result = try ProcessRunner.run("/bin/sh", ["-c", publish], timeout: 60)
            #expect(result.status == 0, "the recipe: \(result.stderr)")
        }
        try runPublish()
        let console = try ConsoleSession(columns: 120, rows: 36, snapshot: snapshot)
        var expected = try live.presentToday()
        try console.tmux.waitFor("Có mặt \(expected)") { presentFigure(in: $0) == expected }
        // A feed keeps writing to the primary meanwhile; each publication is a complete, consistent copy.
        _ = try live.feed(["--mode", "in-place", "--speed", "600", "--publications", "2", "--interval", "0"])
        expected = try live.presentToday()
        try runPublish()
        try console.tmux.waitFor("Có mặt \(expected) from the backup", timeout: 10) {
            presentFigure(in: $0) == expected && !$0.contains("Dữ liệu cũ")
        }
        #expect(try live.sql("PRAGMA journal_mode", file: snapshot).first == "delete")
    }

    // MARK: Helpers

    /// Commits on the primary twice and waits for the console to show each count; checks the follower's txid
    /// advanced while the console was open, and that no lock on the follower's file outlives a refresh.
    private func expectFollows(_ rig: LitestreamRig, _ follower: LitestreamRig.Follower,
                               _ console: ConsoleSession) throws {
        try console.tmux.waitFor("the console's first figures") { presentFigure(in: $0) != nil }
        try expectNoLocksBetweenRefreshes(follower)
        let start = follower.txid
        for round in 1...2 {
            let expected = try rig.checkIn(10 * round)
            let committed = Date()
            try console.tmux.waitFor("round \(round): Có mặt \(expected) (the primary's count)", timeout: 10) {
                presentFigure(in: $0) == expected
            }
            print("litestream e2e: the console shows the commit after " + String(format: "%.2f s", Date().timeIntervalSince(committed)))
        }
        #expect(follower.txid > start, "the follower's txid advanced with the console open (\(start) → \(follower.txid))")
        #expect(!follower.log.contains("error applying updates"), "follower: \(follower.log)")
        try expectNoLocksBetweenRefreshes(follower)
        let screen = try console.tmux.screen()
        #expect(!screen.contains("Dữ liệu cũ"), "no stale banner while following:\n\(screen)")
    }

    /// With nothing committed, nobody holds (or waits for) a lock on the follower's file: sampled for 1.5 s.
    private func expectNoLocksBetweenRefreshes(_ follower: LitestreamRig.Follower) throws {
        usleep(300_000)  // let a refresh that a last apply started finish
        for _ in 0..<15 {
            let locks = FileLocks.on(follower.snapshot.path)
            #expect(locks.isEmpty, "locks on \(follower.snapshot.lastPathComponent) between refreshes: \(locks)")
            if !locks.isEmpty { return }
            usleep(100_000)
        }
    }

    /// Whether a restore of the replica now would show `present` (the replica caught up with the primary).
    private static func replicaHolds(_ present: Int, _ rig: LitestreamRig) throws -> Bool {
        let probe = rig.live.directory.appendingPathComponent("probe-\(UUID().uuidString.prefix(8)).sqlite")
        defer {
            for suffix in ["", "-txid", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: probe.path + suffix) }
        }
        let result = try ProcessRunner.run(rig.litestream, ["restore", "-o", probe.path, rig.replicaURL], timeout: 30)
        guard result.status == 0 else { return false }
        return try rig.live.presentToday(file: probe) == present
    }
}

/// The inode of the file at `url` (a rename over the path gives a new one).
private func inode(of url: URL) throws -> UInt64 {
    var info = stat()
    guard stat(url.path, &info) == 0 else { throw ConsoleSessionError("no file at \(url.path)") }
    return UInt64(info.st_ino)
}
