import Foundation

/// What the replication feed simulates and how fast.
public struct FeedOptions: Sendable {
    /// The snapshot file to keep current (it must exist and be a valid sample snapshot).
    public var target: URL
    /// In place (WAL writer) or publish-by-rename.
    public var mode: FeedMode
    /// Simulated seconds per real second: the volume of activity each publication carries.
    public var speed: Double
    /// Seed of every random choice the feed makes.
    public var seed: UInt64

    /// Creates options; `speed` must be positive.
    public init(target: URL, mode: FeedMode = .inPlace, speed: Double = 1, seed: UInt64 = 1) {
        self.target = target
        self.mode = mode
        self.speed = speed
        self.seed = seed
    }

    /// Throws ``SampleError/invalidOption(_:)`` when an option is out of range.
    public func validate() throws {
        guard speed > 0, speed.isFinite, speed <= 1_000_000 else {
            throw SampleError.invalidOption("--speed must be a positive number up to 1000000 (got \(speed))")
        }
    }
}
