import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Officials through `eduioc serve`, end to end: a private sshd forces two throw-away accounts into
/// `eduioc console --connect`; the server runs as root and alone can read the snapshot (its folder is 0700).
@Suite("Officials through eduioc serve (real sshd)", .serialized,
       .enabled(if: ExternalTool.shouldRun("sshd") && ExternalTool.shouldRun("ssh") && ExternalTool.shouldRun("tmux")))
struct SSHServerEndToEndTests {
    private func firstLine(_ screen: String) -> String { screen.split(separator: "\n").first.map(String.init) ?? "" }

    private func activeSchools(_ fixture: SSHFixture, unit: String) throws -> Int {
        try SQLiteCLI.int(fixture.snapshot.path, """
            SELECT count(*) FROM schools s JOIN admin_units u ON u.id = s.unit_id WHERE u.code = '\(unit)' AND s.status = 'active'
            """)
    }

    /// The number of open sessions the server last logged ("…; N open").
    private func openSessions(_ log: String) -> Int? {
        log.split(separator: "\n").last { $0.hasSuffix(" open") }
            .flatMap { $0.split(separator: ";").last?.split(separator: " ").first }.flatMap { Int($0) }
    }

    @Test func twoCommunesAtOnceEachSeeOnlyTheirOwnThenRevocationAndKillNineLeaveNothing() throws {
        let fixture = try SSHFixture(server: true)
        defer { fixture.close() }
        let second = try fixture.secondCommune()
        let province = try fixture.sql("SELECT name FROM admin_units WHERE parent_id IS NULL").first?.first ?? "?"
        try fixture.writeAccess("""
            users:
              \(fixture.commune.name):
                units: ['\(fixture.communeCode)']
              \(fixture.province.name):
                units: ['\(second.code)']
            """)

        // The official's own process cannot open the snapshot at all.
        let direct = try fixture.runAs(fixture.commune.uid, fixture.commune.gid, ["check", fixture.snapshot.path])
        #expect(direct.status != 0)
        #expect(direct.stderr.lowercased().contains("permission denied"), "check as the official: \(direct.stderr)")

        let first = try fixture.console(fixture.commune, columns: 150)
        let other = try fixture.console(fixture.province, columns: 150)
        do {
            for (tmux, name, code) in [(first, fixture.communeName, fixture.communeCode), (other, second.name, second.code)] {
                let count = try activeSchools(fixture, unit: code)
                let screen = try tmux.waitFor("the \(name) dashboard with \(count) schools") {
                    self.firstLine($0).contains(name) && $0.contains("Trường (\(count))")
                }
                #expect(!firstLine(screen).contains(province), "the province is not above the commune")
            }
            let (firstScreen, otherScreen) = (try first.screen(), try other.screen())
            #expect(!firstScreen.contains(second.name) && !otherScreen.contains(fixture.communeName))
            // The header's clock is the province's: the zone comes from the server's welcome, and the thin client,
            // linked with a static Foundation, must still resolve it by name. Truth: date(1) in the snapshot's zone.
            let zone = try fixture.sql("SELECT value FROM meta WHERE key = 'timezone'").first?.first ?? "?"
            let now = Int(Date().timeIntervalSince1970)
            let clocks = try [now - 60, now, now + 60].map {
                try ProcessRunner.run("/usr/bin/env", ["TZ=\(zone)", "date", "-d", "@\($0)", "+%H:%M"]).stdout
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            #expect(clocks.contains { firstLine(firstScreen).contains(" \($0) ") }, "\(zone) clock \(clocks):\n\(firstScreen)")
            let log = fixture.serveLog
            #expect(log.contains("opened for \(fixture.commune.name)") && log.contains("opened for \(fixture.province.name)"))

            // Revoked in the access file: that session ends within seconds with the reason; the other goes on.
            try fixture.writeAccess("""
                users:
                  \(fixture.commune.name):
                    units: ['\(fixture.communeCode)']
                """)
            let ended = try other.waitFor(text: "EXIT:1", timeout: 10)
            #expect(ended.contains("your access ended"), "the reason is shown")
            let stillThere = try first.screen()
            #expect(!first.isDead && stillThere.contains(fixture.communeName))

            // Narrowed to one school in the access file: the live session follows in place, status line included.
            let school = try #require(try fixture.communeSchools().first)
            try fixture.writeAccess("""
                users:
                  \(fixture.commune.name):
                    schools: ['\(school[0])']
                """)
            let narrowed = try first.waitFor("the session narrowed to \(school[1])", timeout: 10) {
                self.firstLine($0).contains(school[1]) && $0.contains("\(fixture.commune.name): \(school[1])")
            }
            #expect(!narrowed.contains("EXIT:"), "narrowed, not ended")

            // kill -9 of the remaining console: the server notices and holds nothing for it. The ForceCommand
            // `eduioc console --connect` became the thin client (exec, same process): no `eduioc` is left running.
            #expect(ProcessTable.live(uid: fixture.commune.uid, named: "eduioc").isEmpty, "console --connect did not exec eduioc-view")
            let consoles = ProcessTable.live(uid: fixture.commune.uid, named: "eduioc-view").filter { $0.commandLine.contains("--connect") }
            #expect(consoles.count == 1, "\(consoles)")
            for console in consoles { kill(console.pid, SIGKILL) }
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline && openSessions(fixture.serveLog) != 0 { usleep(100_000) }
            #expect(openSessions(fixture.serveLog) == 0, "server log:\n\(fixture.serveLog)")
        } catch {
            print("── serve log ──\n\(fixture.serveLog)\n── sshd log ──\n\(fixture.serverLog)")
            throw error
        }
    }

    @Test func aStoppedServerShowsReconnectingThenRecoversAndADownServerIsSaidPlainly() throws {
        let fixture = try SSHFixture(server: true)
        defer { fixture.close() }
        let count = try activeSchools(fixture, unit: fixture.communeCode)
        let tmux = try fixture.console(fixture.commune, columns: 150)
        do {
            try tmux.waitFor("the commune dashboard") { self.firstLine($0).contains(fixture.communeName) && $0.contains("Trường (\(count))") }
            fixture.stopServer()
            let waiting = try tmux.waitFor(text: "đang kết nối lại", timeout: 10)
            #expect(waiting.contains("Trường (\(count))"), "the last data stays on screen")
            try fixture.startServer()
            try tmux.waitFor("the dashboard back without the banner", timeout: 15) {
                !$0.contains("đang kết nối lại") && $0.contains("Trường (\(count))")
            }
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0")

            fixture.stopServer()
            let late = try fixture.console(fixture.commune, columns: 150)
            let said = try late.waitFor(text: "EXIT:1", timeout: 15)
            #expect(said.contains("máy chủ EduIOC chưa chạy"), "said plainly")
        } catch {
            print("── serve log ──\n\(fixture.serveLog)\n── sshd log ──\n\(fixture.serverLog)")
            throw error
        }
    }
}
