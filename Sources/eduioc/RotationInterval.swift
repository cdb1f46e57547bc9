import ArgumentParser
import ConsoleApp

/// `--rotate 20s`: how long each wall page stays, in whole seconds ("20", "20s", "2m"; 0 = no rotation).
struct RotationInterval: ExpressibleByArgument, Hashable {
    /// Seconds per page; 0 = no rotation.
    let seconds: Int

    init?(argument: String) {
        guard let seconds = WallState.rotateSeconds(parsing: argument) else { return nil }
        self.seconds = seconds
    }
}
