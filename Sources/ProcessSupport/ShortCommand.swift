import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run to completion with `posix_spawn` and `waitpid`, its output captured: the one way the bench and
/// the tests start short-lived processes.
///
/// Not Foundation's `Process`: on Linux its `waitUntilExit()` was seen to wait forever for a child that had already
/// exited (a `tmux new-session -d` that started the tmux server left a zombie nobody reaped, and `eduioc bench
/// --viewers` hung). The child starts as ``CleanSpawn`` starts it (empty signal mask, default dispositions), reads
/// `stdin` (or nothing) and writes to files in a scratch folder, so a daemon it leaves behind holds no pipe open; it
/// is killed when it outlives `timeout`.
public enum ShortCommand {
    /// What the command printed and how it ended.
    public struct Outcome: Sendable {
        /// Exit status, or 128 + the signal that ended it.
        public let status: Int32
        /// Its standard output, decoded as UTF-8.
        public let output: String
        /// Its standard error, decoded as UTF-8.
        public let errors: String
    }

    /// A command that could not be started or did not finish in time.
    public enum Failure: Error, CustomStringConvertible {
        case cannotStart(String, String)
        case timedOut(String, TimeInterval)

        /// One line naming the command.
        public var description: String {
            switch self {
            case .cannotStart(let command, let reason): return "cannot start \(command): \(reason)"
            case .timedOut(let command, let seconds): return "timed out after \(String(format: "%g", seconds)) s: \(command)"
            }
        }
    }

    /// Runs `arguments` (the first is a path, or a name looked up in PATH) with `environment` added to this
    /// process's, `stdin` as its input, waiting at most `timeout` seconds. Throws ``Failure``, or a file error when
    /// the scratch folder cannot be made.
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           timeout: TimeInterval = 30) throws -> Outcome {
        guard let executable = arguments.first else { throw Failure.cannotStart("nothing", "no command given") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inPath = scratch.appendingPathComponent("stdin").path
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        let (spawned, pid) = CleanSpawn.spawn(executable, argv: argv, envp: envp, actions: &actions, searchPath: true)
        guard spawned == 0 else { throw Failure.cannotStart(executable, String(cString: strerror(spawned))) }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failure.timedOut(arguments.joined(separator: " "), timeout)
            }
            usleep(10_000)
        }
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Outcome(status: code, output: output, errors: errors)
    }
}
