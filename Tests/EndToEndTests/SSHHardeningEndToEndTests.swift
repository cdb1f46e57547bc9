import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14 over a real sshd: a crash of an official's console is one line (no backtracer prompt), with no core
/// file and a process no other process of the account could read; a revoked account's session ends; a narrowed
/// one narrows in place.
@Suite("Hardening over SSH (real sshd)", .serialized,
       .enabled(if: ExternalTool.shouldRun("sshd") && ExternalTool.shouldRun("ssh") && ExternalTool.shouldRun("tmux")))
struct SSHHardeningEndToEndTests {
    /// The official's console process (comm "eduioc", running as `uid`).
    private func consolePid(uid: uid_t, timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let pid = ProcessTable.live(uid: uid).map(\.pid).first(where: { ConsoleProcess.command(of: $0) == "eduioc" }) {
                return pid
            }
            usleep(100_000)
        }
        throw ConsoleSessionError("no eduioc process of uid \(uid)")
    }

    /// Replaces the access file as an administrator would (a new root-owned 0644 file renamed over it); returns when.
    private func replaceAccessFile(_ fixture: SSHFixture, with text: String) throws -> Date {
        let temporary = fixture.accessFile.deletingLastPathComponent().appendingPathComponent(".access.tmp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        chmod(temporary.path, 0o644)
        let started = Date()
        #expect(rename(temporary.path, fixture.accessFile.path) == 0)
        return started
    }

    @Test func aCrashIsOneLineWithoutBacktracerOrCoreFile() throws {
        let fixture = try SSHFixture(testCrash: true)
        defer { fixture.close() }
        let tmux = try fixture.console(fixture.commune)
        try tmux.waitFor("the commune dashboard") { $0.contains(fixture.communeName) && $0.contains("Chuyên cần") }
        let pid = try consolePid(uid: fixture.commune.uid)
        // Not dumpable: the kernel gives its /proc files (mem, environ…) to root, so the account's other processes cannot read it.
        var info = stat()
        #expect(stat("/proc/\(pid)/mem", &info) == 0 && info.st_uid == 0, "/proc/\(pid)/mem is owned by uid \(info.st_uid), not root")
        let limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
        let coreLine = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init) ?? ""
        #expect(coreLine.split(separator: " ").filter { $0 == "0" }.count == 2, "core limit: \(coreLine)")
        let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? "/"

        kill(pid, SIGUSR2)
        let end = try tmux.waitFor(text: "EXIT:")
        #expect(end.contains("eduioc: the console stopped on an internal error"), "screen:\n\(end)")
        for prompt in ["Press space", "interact", "debug", "Crash", "Thread 0", "Fatal error", "Backtrace"] {
            #expect(!end.contains(prompt), "\"\(prompt)\" reached the official's screen:\n\(end)")
        }
        let details = (try? String(contentsOf: fixture.crashLog, encoding: .utf8)) ?? ""
        #expect(details.contains("eduioc crash: signal 4 pid \(pid) uid \(fixture.commune.uid)"), "crash log: \(details)")
        let cores = ((try? FileManager.default.contentsOfDirectory(atPath: cwd)) ?? []).filter { $0 == "core" || $0.hasPrefix("core.") }
        #expect(cores.isEmpty, "core files in \(cwd): \(cores)")
    }

    @Test func aRevokedAccountsSessionEnds() throws {
        let fixture = try SSHFixture()
        defer { fixture.close() }
        let tmux = try fixture.console(fixture.commune)
        try tmux.waitFor("the commune dashboard") { $0.contains(fixture.communeName) && $0.contains("Chuyên cần") }
        // The administrator removes the account's entry (the group entry stays: it is not a member).
        let revoked = """
            groups:
              \(fixture.provinceGroup):
                scope: province
            """
        let started = try replaceAccessFile(fixture, with: revoked)
        let end = try tmux.waitFor("the session to end", timeout: 10) { $0.contains("EXIT:") }
        let elapsed = Date().timeIntervalSince(started)
        #expect(end.contains("your access ended"), "screen:\n\(end)")
        #expect(elapsed < 5, "the session ended \(elapsed) s after the revocation")
        #expect(ProcessTable.live(uid: fixture.commune.uid).isEmpty, "processes of the revoked account remain")
    }

    @Test func aNarrowedAccountNarrowsInPlace() throws {
        let fixture = try SSHFixture()
        defer { fixture.close() }
        let schools = try fixture.communeSchools()
        let school = try #require(schools.last)
        let tmux = try fixture.console(fixture.commune, columns: 160)
        try tmux.waitFor("the commune dashboard") {
            $0.contains(fixture.communeName) && $0.contains("Trường (\(schools.count))")
        }
        let pid = try consolePid(uid: fixture.commune.uid)
        // The administrator narrows the account from its commune to one of the commune's schools.
        let narrowed = """
            users:
              \(fixture.commune.name):
                schools: ['\(school[0])']
            groups:
              \(fixture.provinceGroup):
                scope: province
            """
        let started = try replaceAccessFile(fixture, with: narrowed)
        let screen = try tmux.waitFor("the school as the new root", timeout: 10) {
            let top = $0.split(separator: "\n").first.map(String.init) ?? ""
            return top.contains(school[1]) && !top.contains(fixture.communeName)
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 5, "the session narrowed \(elapsed) s after the edit")
        #expect(screen.contains("Quản trị viên đã thay đổi phạm vi của bạn"), "screen:\n\(screen)")
        #expect(!screen.contains("EXIT:"), "the session goes on")
        #expect(!screen.contains("Trường (\(schools.count))"), "the commune's school list is gone:\n\(screen)")
        #expect(ConsoleProcess.command(of: pid) == "eduioc", "the same console process narrowed in place")
        // Going up from the root stays at the school: the commune is no longer reachable.
        try tmux.send("Escape")
        try tmux.type(":\(fixture.communeCode)")
        try tmux.send("Enter")
        let refused = try tmux.waitFor("the old commune refused", timeout: 10) { $0.contains("không thuộc phạm vi của bạn") }
        #expect(refused.split(separator: "\n").first.map(String.init)?.contains(school[1]) == true, "screen:\n\(refused)")
    }
}
