import Foundation
import TestSupport

/// A primary database replicated by the real `litestream replicate` to a file replica, and followers
/// (`litestream restore -f`) on it, each in its own folder like a console host — as docs/REPLICATION.md sets up.
///
/// The primary is a generated sample (today's rows of every other pupil removed, so check-ins have work) in
/// WAL mode. Every process is ended by pid when the rig goes away.
final class LitestreamRig {
    let live: LiveSnapshot
    let litestream: String
    let replica: URL
    private(set) var replicator: BackgroundProcess?
    private var followers: [Follower] = []

    /// The primary database file.
    var primary: URL { live.url }
    /// The replica as a Litestream URL.
    var replicaURL: String { "file://" + replica.path }

    init(schools: Int = 12) throws {
        litestream = try LitestreamBinary.require()
        live = try LiveSnapshot(schools: schools, name: "primary.sqlite")
        replica = live.directory.appendingPathComponent("replica")
        try live.execute("PRAGMA journal_mode = WAL")
        // Short intervals keep the test quick; production keeps Litestream's 1 s defaults (docs/REPLICATION.md).
        let config = live.directory.appendingPathComponent("litestream.yml")
        try """
            dbs:
              - path: \(primary.path)
                monitor-interval: 100ms
                replica:
                  url: \(replicaURL)
                  sync-interval: 100ms
            """.write(to: config, atomically: true, encoding: .utf8)
        replicator = try BackgroundProcess(litestream, ["replicate", "-config", config.path],
                                           logFile: live.directory.appendingPathComponent("replicate.log"))
        try wait("the replica's first snapshot", timeout: 20) { [replica] in
            let level9 = replica.appendingPathComponent("ltx/9")
            return !((try? FileManager.default.contentsOfDirectory(atPath: level9.path)) ?? []).isEmpty
        }
    }

    deinit {
        for follower in followers { follower.stop() }
        replicator?.stop()
    }

    /// A new follower host: a folder `name` with `snapshot.sqlite` restored and followed (`restore -f`).
    /// Returns once it has restored and entered follow mode.
    func startFollower(_ name: String) throws -> Follower {
        let folder = live.directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let follower = Follower(litestream: litestream, replicaURL: replicaURL, folder: folder)
        try follower.start()
        followers.append(follower)
        return follower
    }

    /// Commits check-ins for `count` pupils on the primary in one transaction (stamped now, as the contract
    /// wants); returns the primary's present count after it, as the console computes it.
    @discardableResult
    func checkIn(_ count: Int) throws -> Int {
        let today = LiveSnapshot.todaySQL
        try live.execute("""
            PRAGMA busy_timeout = 5000;
            INSERT INTO attendance(day, student_id, class_id, school_id, status, recorded_at, source)
            SELECT \(today), s.id, s.class_id, s.school_id, 'present', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'gate'
            FROM students s
            WHERE s.id % 2 = 0 AND s.left_on IS NULL AND s.enrolled_on <= \(today)
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.day = \(today) AND a.student_id = s.id)
            ORDER BY s.id LIMIT \(count);
            """)
        return try live.presentToday()
    }

    /// Polls `condition` every 50 ms; throws naming `what` after `timeout` seconds.
    func wait(_ what: String, timeout: TimeInterval, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(50_000)
        }
        throw ConsoleSessionError("timed out after \(Int(timeout)) s waiting for \(what)\n── replicate log ──\n"
                                  + (replicator?.log ?? "") + followers.map { "── \($0.folder.lastPathComponent) log ──\n\($0.log)" }.joined())
    }

    /// One follower host: `litestream restore -f` keeping `snapshot.sqlite` in its folder current.
    final class Follower {
        let litestream: String
        let replicaURL: String
        let folder: URL
        private(set) var process: BackgroundProcess?
        private var logs: [URL] = []

        init(litestream: String, replicaURL: String, folder: URL) {
            self.litestream = litestream
            self.replicaURL = replicaURL
            self.folder = folder
        }

        /// The file consoles read.
        var snapshot: URL { folder.appendingPathComponent("snapshot.sqlite") }
        /// Litestream's sidecar with the last transaction id applied.
        var txidFile: URL { folder.appendingPathComponent("snapshot.sqlite-txid") }

        /// The last transaction id applied (0 when the sidecar is missing or unreadable).
        var txid: UInt64 {
            let text = (try? String(contentsOf: txidFile, encoding: .utf8)) ?? ""
            return UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) ?? 0
        }

        /// Everything the follower's runs have logged.
        var log: String { logs.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }.joined() }

        /// `litestream restore -f -follow-interval 200ms -o snapshot.sqlite REPLICA`, as docs/REPLICATION.md runs
        /// it (the test polls faster than the 1 s default); returns once it has entered follow mode.
        func start() throws {
            let process = try launch()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let text = (try? String(contentsOf: process.logFile, encoding: .utf8)) ?? ""
                if text.contains("entering follow mode") || text.contains("resuming follow mode") { return }
                if !process.isRunning { throw ConsoleSessionError("the follower exited:\n\(text)") }
                usleep(50_000)
            }
            throw ConsoleSessionError("the follower did not enter follow mode in 30 s:\n\(log)")
        }

        /// Starts the follower command and returns without waiting (a resume may fail at once).
        func launch() throws -> BackgroundProcess {
            let logFile = folder.appendingPathComponent("follower-\(logs.count + 1).log")
            logs.append(logFile)
            let process = try BackgroundProcess(litestream, ["restore", "-f", "-follow-interval", "200ms",
                                                             "-o", snapshot.path, replicaURL], logFile: logFile)
            self.process = process
            return process
        }

        /// Ends the follower (SIGTERM, as systemd would) and reaps it.
        func stop() {
            process?.stop()
        }
    }
}
