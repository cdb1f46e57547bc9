import Foundation
import GRDB

/// Simulates the replicator on a sample snapshot: each ``publish(now:)`` brings one publication of
/// morning check-ins, teacher entries, late corrections, connectivity probes (every 5 simulated minutes,
/// with outages and recoveries), device heartbeats (some devices go unseen) and a new `meta.published_at`.
///
/// In ``FeedMode/inPlace`` mode a WAL-mode writer commits each publication as one small transaction
/// (the file is switched to WAL first if needed). In ``FeedMode/rename`` mode each publication is a
/// complete copy written beside the target, switched to DELETE journal mode, fsynced and renamed over
/// the target with `rename(2)`. Not thread-safe: drive it from one thread.
public final class ReplicationFeed {
    /// What the feed was started with.
    public let options: FeedOptions
    private var world: FeedWorld
    private var writer: DatabaseQueue?
    private let start: Date
    private var lastSimulated: Date
    private var publications = 0
    private let temporary: URL

    /// Loads the starting state from the snapshot at `options.target`; `start` anchors the simulated clock.
    public init(options: FeedOptions, start: Date = Date()) throws {
        try options.validate()
        self.options = options
        self.start = start
        lastSimulated = start
        let target = options.target
        temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).feed-\(getpid()).tmp")
        guard FileManager.default.fileExists(atPath: target.path) else {
            throw SampleError.cannotPublish(path: target.path, reason: "no snapshot there; make one with `eduioc sample generate`")
        }
        let today = CivilTime.provinceDay(unixSeconds: Int(start.timeIntervalSince1970))
        do {
            switch options.mode {
            case .inPlace:
                let queue = try Self.openWriter(target)
                try queue.writeWithoutTransaction { db in
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" {
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                    }
                }
                world = try queue.read { db in try FeedWorld(db: db, today: today, seed: options.seed) }
                writer = queue
            case .rename:
                var configuration = Configuration()
                configuration.readonly = true
                let reader = try DatabaseQueue(path: target.path, configuration: configuration)
                world = try reader.read { db in try FeedWorld(db: db, today: today, seed: options.seed) }
                try reader.close()
            }
        } catch let error as SampleError {
            throw error
        } catch {
            throw SampleError.database("\(target.path): \(error)")
        }
    }

    deinit {
        try? writer?.close()
        try? FileManager.default.removeItem(at: temporary)
    }

    /// The simulated instant for the real instant `now` (`speed` simulated seconds per real second).
    public func simulatedTime(at now: Date) -> Date {
        start.addingTimeInterval(now.timeIntervalSince(start) * options.speed)
    }

    /// Makes one publication stamped `now` and returns what it changed.
    public func publish(now: Date = Date()) throws -> FeedPublication {
        let nowSeconds = Int(now.timeIntervalSince1970.rounded(.down))
        let simulated = simulatedTime(at: now)
        let minutes = max(0, simulated.timeIntervalSince(lastSimulated) / 60)
        let probeRound = Int(floor(simulated.timeIntervalSince1970 / 300)) != Int(floor(lastSimulated.timeIntervalSince1970 / 300))
        lastSimulated = simulated
        var world = self.world
        let changes: FeedWorld.Changes
        do {
            switch options.mode {
            case .inPlace:
                guard let writer else { throw SampleError.database("the feed is closed") }
                changes = try writer.write { db in
                    try world.apply(to: db, nowSeconds: nowSeconds, simulatedMinutes: minutes, probeRound: probeRound)
                }
            case .rename:
                changes = try publishByRename { db in
                    try world.apply(to: db, nowSeconds: nowSeconds, simulatedMinutes: minutes, probeRound: probeRound)
                }
            }
        } catch let error as SampleError {
            throw error
        } catch {
            throw SampleError.database("\(options.target.path): \(error)")
        }
        self.world = world
        publications += 1
        return FeedPublication(number: publications, publishedAt: Date(timeIntervalSince1970: TimeInterval(nowSeconds)),
                               simulatedAt: simulated, checkIns: changes.checkIns, teacherEntries: changes.teacherEntries,
                               corrections: changes.corrections, probes: changes.probes, failedProbes: changes.failedProbes,
                               unseenDevices: world.unseen.count, pendingStudents: world.pending.count)
    }

    /// Closes the writer (in-place mode) and removes any leftover temporary file.
    public func close() {
        try? writer?.close()
        writer = nil
        try? FileManager.default.removeItem(at: temporary)
    }

    /// Copies the target beside itself, applies `change` in one transaction, fsyncs and renames it over the target.
    private func publishByRename<T>(_ change: (Database) throws -> T) throws -> T {
        let target = options.target
        try? FileManager.default.removeItem(at: temporary)
        try? FileManager.default.removeItem(atPath: temporary.path + "-journal")
        defer { try? FileManager.default.removeItem(at: temporary) }
        if try Self.isWAL(target) {
            // A WAL file's latest commits may live in its -wal file: let SQLite write a complete copy.
            var configuration = Configuration()
            configuration.readonly = true
            let reader = try DatabaseQueue(path: target.path, configuration: configuration)
            try reader.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temporary.path]) }
            try reader.close()
        } else {
            try FileManager.default.copyItem(at: target, to: temporary)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.label = "ReplicationFeed.publication"
        let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        let result = try queue.write(change)
        try queue.close()
        let handle = try FileHandle(forUpdating: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, target.path) == 0 else {
            throw SampleError.cannotPublish(path: target.path, reason: String(cString: strerror(errno)))
        }
        Self.synchronizeDirectory(of: target)
        return result
    }

    private static func openWriter(_ target: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.busyMode = .timeout(5)
        configuration.label = "ReplicationFeed.writer"
        return try DatabaseQueue(path: target.path, configuration: configuration)
    }

    /// Whether the file's header says WAL (bytes 18 and 19 are 2).
    private static func isWAL(_ url: URL) throws -> Bool {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 20) ?? Data()
        return header.count == 20 && header[header.startIndex + 18] == 2 && header[header.startIndex + 19] == 2
    }

    /// Makes the rename itself durable.
    private static func synchronizeDirectory(of url: URL) {
        guard let directory = FileHandle(forReadingAtPath: url.deletingLastPathComponent().path) else { return }
        try? directory.synchronize()
        try? directory.close()
    }
}
