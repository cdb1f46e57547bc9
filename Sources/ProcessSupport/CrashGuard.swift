import CProcessGuard
import Dispatch
import Foundation

/// Keeps crash tooling away from the person at the terminal (DESIGN §6, issue 14).
///
/// Swift's runtime backtracer is interactive on a terminal ("Press space to interact, D to debug") and can read
/// the process's memory; it is configured only from `SWIFT_BACKTRACE` when the process starts. So the program
/// re-executes itself once with the backtracer off, and its own handler turns a crash into one line for the user
/// and a raw backtrace in the administrator's crash log.
public enum CrashGuard {
    /// The `SWIFT_BACKTRACE` value the program runs with: no crash catching by the runtime at all.
    public static let backtraceSetting = "enable=no"
    /// Set in the environment of the re-executed program, so a failed re-exec can never loop.
    public static let reexecMarker = "EDUIOC_REEXECUTED"
    /// The crash log used when `--crash-log` is not given.
    public static let defaultLogPath = "/var/log/eduioc/crash.log"
    /// The line the user sees when the program crashes.
    public static let userLine = "eduioc: the console stopped on an internal error (lỗi nội bộ); the administrator's crash log has the details\n"
    /// The test-only crash trigger: with this set to `sigusr2`, SIGUSR2 makes the program trap like a real bug.
    public static let testTriggerVariable = "EDUIOC_TEST_CRASH"

    /// Re-executes the program through /proc/self/exe with `SWIFT_BACKTRACE=enable=no` unless it already runs
    /// that way; returns only when it does (or when the re-exec failed: the handler below still replaces the
    /// runtime's). Call first thing in `main`.
    public static func ensureBacktracerOff() {
        let environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == backtraceSetting || environment[reexecMarker] != nil {
            if environment[reexecMarker] != nil {
                unsetenv(reexecMarker)
                // execve of /proc/self/exe names the process "exe": give it back its own name.
                let name = (CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "eduioc")
                _ = eduioc_set_process_name(String(name.utf8.prefix(15)) ?? "eduioc")
            }
            return
        }
        var entries = environment.filter { $0.key != "SWIFT_BACKTRACE" && $0.key != reexecMarker }
            .map { "\($0.key)=\($0.value)" }
        entries.append("SWIFT_BACKTRACE=\(backtraceSetting)")
        entries.append("\(reexecMarker)=1")
        var pointers: [UnsafeMutablePointer<CChar>?] = entries.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        _ = execve("/proc/self/exe", CommandLine.unsafeArgv, &pointers)
    }

    /// Installs the crash handler: one line to standard error, details to `logDescriptor` (or nowhere).
    public static func install(logDescriptor: Int32 = -1) {
        _ = eduioc_crash_guard_install(STDERR_FILENO, logDescriptor, userLine)
    }

    /// SSH mode: no core files and a process no other process of the account may trace or read.
    /// Throws when the kernel refuses, so the console never runs without it.
    public static func hardenForSSH() throws {
        guard eduioc_disable_core_files() == 0 else {
            throw CLIError("cannot turn off core files (setrlimit: \(String(cString: strerror(errno))))")
        }
        guard eduioc_set_not_dumpable() == 0 else {
            throw CLIError("cannot make the process non-dumpable (prctl: \(String(cString: strerror(errno))))")
        }
    }

    /// Opens the crash log for appending and points the handler at it; returns the descriptor, or nil when there is
    /// no usable log. In SSH mode the file must already exist, be a regular file and not be readable by the
    /// account (it holds other sessions' crashes), and it is never created.
    @discardableResult
    public static func openLog(path: String?, ssh: Bool) -> Int32? {
        let path = path ?? defaultLogPath
        if ssh && access(path, R_OK) == 0 { return nil }
        let flags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | (ssh ? 0 : O_CREAT)
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        eduioc_crash_guard_set_log(descriptor)
        return descriptor
    }

    /// Sends standard error to `descriptor` (the crash log, or /dev/null) while the full-screen console runs, so a
    /// runtime error message never reaches the official's screen; returns a copy of the old standard error.
    public static func divertStandardError(to descriptor: Int32?) -> Int32? {
        let target = descriptor ?? open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard target >= 0 else { return nil }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0 else { return nil }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        eduioc_crash_guard_set_user_fd(saved)
        _ = dup2(target, STDERR_FILENO)
        if descriptor == nil { close(target) }
        return saved
    }

    /// Puts standard error back after ``divertStandardError(to:)``.
    public static func restoreStandardError(_ saved: Int32?) {
        guard let saved else { return }
        _ = dup2(saved, STDERR_FILENO)
        eduioc_crash_guard_set_user_fd(STDERR_FILENO)
        close(saved)
    }

    /// With `EDUIOC_TEST_CRASH=sigusr2` in the environment (end-to-end tests only: nothing an official sends can
    /// set it), SIGUSR2 makes the program trap the way a real bug would. Keep the returned source alive.
    public static func armTestTrigger() -> DispatchSourceSignal? {
        guard ProcessInfo.processInfo.environment[testTriggerVariable] == "sigusr2" else { return nil }
        signal(SIGUSR2, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR2, queue: DispatchQueue(label: "eduioc.test-crash"))
        source.setEventHandler { trapForTest(Int(getpid())) }
        source.resume()
        return source
    }

    /// Traps like an arithmetic overflow in the program would (the value is opaque to the optimiser).
    private static func trapForTest(_ value: Int) {
        let big = Int.max - 1 + (value > 0 ? 1 : 0)
        let sum = big + (value > 0 ? 1 : 0)
        print(sum)
    }
}
