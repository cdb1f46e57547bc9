import Foundation
import ProcessSupport

/// Runs a program to completion and captures its output: the one way tests start real processes (through
/// `ShortCommand`, which the bench uses too; see there why not Foundation's `Process`).
public struct ProcessRunner {
    /// What a finished process left behind.
    public struct Result: Sendable {
        /// The exit status, or 128 + N when killed by signal N.
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// A process could not be started or did not finish in time.
    public typealias RunError = ShortCommand.Failure

    /// Runs `executable` with `arguments` (and extra `environment`), waiting at most `timeout` seconds.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           stdin: String? = nil, timeout: TimeInterval = 120) throws -> Result {
        let outcome = try ShortCommand.run([executable] + arguments, environment: environment, stdin: stdin, timeout: timeout)
        return Result(status: outcome.status, stdout: outcome.output, stderr: outcome.errors)
    }
}
