import Foundation
import TestSupport

/// Runs the built `eduioc` binary and captures what it prints.
struct EduIOCRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// The built `eduioc`, which `swift test` builds because EndToEndTests depends on the product.
    static var binary: URL { PackagePaths.eduiocBinary }

    /// Runs `eduioc` with `arguments`, optionally as another user through `setpriv` (when running as root).
    static func run(_ arguments: [String], asUser user: (uid: Int, gid: Int)? = nil) throws -> EduIOCRun {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw MissingBinary(path: binary.path)
        }
        let result: ProcessRunner.Result
        if let user {
            result = try ProcessRunner.run("/usr/bin/setpriv",
                                           ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", binary.path] + arguments)
        } else {
            result = try ProcessRunner.run(binary.path, arguments)
        }
        return EduIOCRun(status: result.status, standardOutput: result.stdout, standardError: result.stderr)
    }

    /// Non-empty lines of standard error.
    var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }

    /// Thrown when the binary has not been built.
    struct MissingBinary: Error, CustomStringConvertible {
        let path: String
        var description: String { "eduioc binary not found at \(path); run `swift build` (or `swift test`) first" }
    }
}
