#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A short external command run to completion with `posix_spawn` and `waitpid`, its output captured.
///
/// Used where Foundation's `Process.waitUntilExit()` was seen to wait forever on Linux for a child that had
/// already exited (a `tmux new-session -d` left a zombie nobody reaped, and `eduioc bench --viewers` hung). The
/// child starts as ``CleanSpawn`` starts it (empty signal mask, default dispositions) with stdin on /dev/null, and
/// is killed when it outlives `timeout`. Programs that leave a daemon behind (tmux's server) are fine: the command is done when the
/// child exits, whether or not something else still holds its output pipes.
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

    /// Runs `arguments` (the first is looked up in PATH); throws a `CLIError` when it cannot start or times out.
    public static func run(_ arguments: [String], timeout: TimeInterval = 30) throws -> Outcome {
        guard let name = arguments.first else { throw CLIError("no command to run") }
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { throw CLIError("\(name): no pipe: \(String(cString: strerror(errno)))") }
        guard makePipe(&errPipe) else {
            close(outPipe[0]); close(outPipe[1])
            throw CLIError("\(name): no pipe: \(String(cString: strerror(errno)))")
        }
        var readEnds = [outPipe[0], errPipe[0]]
        defer { for fd in readEnds where fd >= 0 { close(fd) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp = Self.environment()
        defer { for pointer in argv + envp { free(pointer) } }
        let (spawned, pid) = CleanSpawn.spawn(name, argv: argv, envp: envp, actions: &actions, searchPath: true)
        close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else { throw CLIError("\(name): cannot start: \(String(cString: strerror(spawned)))") }

        for fd in readEnds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var captured: [[UInt8]] = [[], []]
        func drain() {
            for index in readEnds.indices where readEnds[index] >= 0 {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(readEnds[index], $0.baseAddress, $0.count) }
                    if count > 0 { captured[index] += buffer.prefix(count); continue }
                    if count == 0 { close(readEnds[index]); readEnds[index] = -1 }  // end of file
                    break
                }
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            var fds = readEnds.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&fds, nfds_t(fds.count), 50)
            drain()
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid || (waited < 0 && errno != EINTR) { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw CLIError("\(name) \(arguments.dropFirst().first ?? ""): no answer within \(String(format: "%g", timeout)) s")
            }
        }
        drain()
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: code, output: String(decoding: captured[0], as: UTF8.self),
                       errors: String(decoding: captured[1], as: UTF8.self))
    }

    /// This process's environment as C strings (the caller frees them).
    private static func environment() -> [UnsafeMutablePointer<CChar>?] {
        ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    }

    /// A pipe whose ends close on exec (the child gets only the dup2'd copies).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }
}
