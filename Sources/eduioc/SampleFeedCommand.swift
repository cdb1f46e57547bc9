import ArgumentParser
import Foundation
import ProcessSupport
import SampleProvince

extension SampleCommand {
    /// `eduioc sample feed`: simulates the replicator on a sample snapshot.
    struct Feed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feed",
            abstract: "Simulate the replicator on a sample snapshot: check-ins, corrections, probes, devices.",
            discussion: """
                Each publication carries --speed × the real time since the last one of simulated activity \
                (the morning check-in wave, teacher entries, late corrections, a connectivity probe round every \
                5 simulated minutes with outages and recoveries, devices going unseen) and advances \
                meta.published_at. New rows are stamped with the real time of the publication, so a console \
                on the wall clock shows them at once.

                --mode in-place: a WAL-mode writer commits each publication as one small transaction (the file \
                is switched to WAL first). --mode rename: each publication is a complete copy written beside \
                the file, in DELETE journal mode, fsynced and renamed over it.

                Prints one line per publication. Ends after --duration seconds or --publications, or on Ctrl-C \
                (SIGINT/SIGTERM/SIGHUP: the current publication completes, exit status 128+N).
                """
        )

        @Option(name: .long, help: "The snapshot file to keep current (from `eduioc sample generate`).")
        var snapshot: String

        @Option(name: .long, help: "Delivery: in-place (WAL writer) or rename (publish a new file and rename it).")
        var mode: FeedMode = .inPlace

        @Option(name: .long, help: "Simulated seconds per real second.")
        var speed: Double = 60

        @Option(name: .long, help: "Stop after this many seconds (default: until Ctrl-C).")
        var duration: Double?

        @Option(name: .long, help: "Stop after this many publications.")
        var publications: Int?

        @Option(name: .long, help: "Real seconds between publications; 0 publishes as fast as it can.")
        var interval: Double = 1

        @Option(name: .long, help: "Seed of every random choice.")
        var seed: UInt64 = 1

        @Flag(name: .long, help: "Print only the last publication's line.")
        var quiet = false

        func validate() throws {
            if let duration, !(duration > 0) { throw ValidationError("--duration must be positive") }
            if let publications, publications < 1 { throw ValidationError("--publications must be at least 1") }
            if !(interval >= 0) || !interval.isFinite { throw ValidationError("--interval must be 0 or more") }
        }

        func run() throws {
            let trap = SignalTrap { _ in }
            let feed = try ReplicationFeed(options: FeedOptions(target: URL(fileURLWithPath: snapshot), mode: mode,
                                                                speed: speed, seed: seed))
            defer { feed.close() }
            let started = Date()
            var last: FeedPublication?
            while trap.caughtSignal == nil {
                let publication = try feed.publish()
                last = publication
                if !quiet { Self.say(publication.summary) }
                if let publications, publication.number >= publications { break }
                if let duration, Date().timeIntervalSince(started) >= duration { break }
                wait(seconds: interval, until: started.addingTimeInterval(duration ?? .infinity), trap: trap)
            }
            if quiet, let last { Self.say(last.summary) }
            let status = trap.exitStatus()
            if status != 0 { throw ExitCode(status) }
        }

        /// Writes one line to stdout at once (no buffering: the lines are progress).
        private static func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        /// Sleeps `seconds` (in short naps, so a signal or the end of the run is noticed quickly).
        private func wait(seconds: Double, until end: Date, trap: SignalTrap) {
            let wake = min(Date().addingTimeInterval(seconds), end)
            while Date() < wake && trap.caughtSignal == nil {
                usleep(UInt32(max(1_000, min(50_000, wake.timeIntervalSinceNow * 1_000_000))))
            }
        }
    }
}

extension FeedMode: ExpressibleByArgument {}
