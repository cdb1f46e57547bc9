import Foundation
import TestSupport

/// The console process inside a tmux pane, seen through /proc: its pid, memory and CPU time.
struct ConsoleProcess {
    let pid: Int32

    /// Finds the `eduioc` child of the pane's shell (`#{pane_pid}`), waiting up to `timeout` seconds.
    static func find(in tmux: TmuxSession, timeout: TimeInterval = 10) throws -> ConsoleProcess {
        guard let shell = Int32(try tmux.paneValue("#{pane_pid}")) else { throw ConsoleSessionError("no pane pid") }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let pid = children(of: shell).first(where: { command(of: $0) == "eduioc" }) { return ConsoleProcess(pid: pid) }
            usleep(50_000)
        }
        throw ConsoleSessionError("no eduioc process under the pane's shell \(shell)")
    }

    /// Pids whose parent is `parent` (from /proc/*/stat).
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { statFields(of: $0)?.first == String(parent) }
    }

    /// The short command name (`comm`) of `pid`.
    static func command(of pid: Int32) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The fields of /proc/PID/stat after the command name and state: index 0 is field 4 (ppid), 10 utime, 11 stime.
    private static func statFields(of pid: Int32) -> [String]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.range(of: ")", options: .backwards) else { return nil }
        // After ") ": state ppid pgrp … ; drop the state so index 0 is the ppid (field 4).
        return Array(text[close.upperBound...].split(separator: " ").dropFirst().map(String.init))
    }

    /// Whether the process still exists (and is not a zombie).
    var isAlive: Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.range(of: ")", options: .backwards) else { return false }
        return text[close.upperBound...].split(separator: " ").first != "Z"
    }

    /// Resident memory in KiB (VmRSS of /proc/PID/status).
    func residentKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else {
            throw ConsoleSessionError("no VmRSS for \(pid)")
        }
        return value
    }

    /// User + system CPU time so far, in clock ticks (utime + stime of /proc/PID/stat).
    func cpuTicks() throws -> Int {
        guard let fields = Self.statFields(of: pid), fields.count > 12,
              let user = Int(fields[10]), let system = Int(fields[11]) else {
            throw ConsoleSessionError("cannot read /proc/\(pid)/stat")
        }
        return user + system
    }

    /// Sends `signal` to the console.
    func send(_ signal: Int32) throws {
        guard kill(pid, signal) == 0 else { throw ConsoleSessionError("kill(\(pid), \(signal)): \(String(cString: strerror(errno)))") }
    }
}
