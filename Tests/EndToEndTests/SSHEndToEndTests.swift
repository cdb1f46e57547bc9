import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Officials over SSH, end to end with real OpenSSH: a private sshd on loopback forces two throw-away accounts into
/// `eduioc console --ssh`; ssh -tt runs in tmux; figures are checked against the sqlite3 CLI.
@Suite("Officials over SSH (real sshd)", .serialized,
       .enabled(if: ExternalTool.shouldRun("sshd") && ExternalTool.shouldRun("ssh") && ExternalTool.shouldRun("tmux")))
struct SSHEndToEndTests {
    /// The local date in the snapshot's time zone (the console shows "today").
    private func today(_ fixture: SSHFixture) throws -> String {
        let zone = try fixture.sql("SELECT value FROM meta WHERE key = 'timezone'").first?.first ?? "Asia/Ho_Chi_Minh"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? .current
        let p = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0)
    }

    /// A count as the Vietnamese console writes it (12.345).
    private func viCount(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text.append(".") }
            text.append(digit)
        }
        return text
    }

    private func firstLine(_ screen: String) -> String { screen.split(separator: "\n").first.map(String.init) ?? "" }

    @Test func communeAccountSeesAndExportsOnlyItsCommune() throws {
        let fixture = try SSHFixture()
        defer { fixture.close() }
        let schools = try fixture.communeSchools()
        let province = try fixture.sql("SELECT name FROM admin_units WHERE parent_id IS NULL").first?.first ?? "?"
        let day = try today(fixture)
        let enrolled = try SQLiteCLI.int(fixture.snapshot.path, """
            SELECT count(*) FROM students WHERE school_id IN
              (SELECT s.id FROM schools s JOIN admin_units u ON u.id = s.unit_id WHERE u.code = '\(fixture.communeCode)' AND s.status = 'active')
            AND enrolled_on <= '\(day)' AND (left_on IS NULL OR left_on > '\(day)')
            """)
        let other = try #require(try fixture.sql("""
            SELECT s.code, s.name, u.name FROM schools s JOIN admin_units u ON u.id = s.unit_id
            WHERE u.code <> '\(fixture.communeCode)' AND s.status = 'active' ORDER BY s.code LIMIT 1
            """).first)
        let snapshotBefore = try FileManager.default.attributesOfItem(atPath: fixture.snapshot.path)
        let filesBefore = try FileManager.default.subpathsOfDirectory(atPath: fixture.directory.path).sorted()

        let tmux = try fixture.console(fixture.commune, columns: 180)
        do {
            // The dashboard's root is the commune: its name first in the breadcrumb, its schools, its students.
            let start = try tmux.waitFor("the commune dashboard with \(schools.count) schools and \(enrolled) students") {
                self.firstLine($0).contains(fixture.communeName) && $0.contains("Trường (\(schools.count))")
                    && $0.contains("Học sinh \(self.viCount(enrolled))")
            }
            #expect(!firstLine(start).contains(province), "the province is not above the commune")
            #expect(start.contains(fixture.commune.name), "the status line names the account")

            // Drill into a school and back; Esc at the root stays at the commune.
            try tmux.send("Enter")
            try tmux.waitFor("a school under the commune") { self.firstLine($0).contains("›") && !$0.contains("Trường (\(schools.count))") }
            try tmux.send("Escape")
            try tmux.waitFor(text: "Trường (\(schools.count))")
            try tmux.send("Escape", "Escape")
            usleep(300_000)
            let top = try tmux.waitFor(text: "Trường (\(schools.count))")
            #expect(!firstLine(top).contains("›") && !firstLine(top).contains(province), "still at the commune")

            // `/` searches only the account's area: a school of another commune is not found, by name or by code.
            try tmux.send("/")
            try tmux.type(testFold(other[1]))
            let searched = try tmux.waitFor(text: "Tìm trong phạm vi: 0 kết quả")
            #expect(!searched.contains(other[1]), "a school outside the area appeared in the search")
            try tmux.send("Tab")
            try tmux.waitFor(text: "Trường (0/\(schools.count))")
            try tmux.send("Escape")
            try tmux.waitFor(text: "Trường (\(schools.count))")

            // `:school` of another commune, and of no school at all, give the same "not in your area" (in Vietnamese).
            for code in [other[0], "NO-SUCH-SCHOOL"] {
                try tmux.send(":")
                try tmux.type("school \(code)")
                try tmux.send("Enter")
                try tmux.waitFor(text: "\(code): không thuộc phạm vi của bạn")
            }
            #expect(!(try tmux.screen()).contains(other[1]))
            // `:unit` with another commune's name: the same answer, saying only what was typed.
            let otherUnit = testFold(other[2])
            try tmux.send(":")
            try tmux.type("unit \(otherUnit)")
            try tmux.send("Enter")
            let refused = try tmux.waitFor(text: "\(otherUnit): không thuộc phạm vi của bạn")
            #expect(!refused.contains("\(otherUnit): \(otherUnit)"), "the message repeats the name")

            // Ctrl-Z does not stop the console or give a shell: it still answers keys.
            try tmux.send("C-z")
            usleep(200_000)

            // `e` exports the commune's table into the account's export folder, and nowhere else.
            try tmux.send("e")
            let exported = try tmux.waitFor(text: "Đã xuất \(schools.count) dòng: \(fixture.exportDirectory.path)/eduioc-\(fixture.communeCode)-")
            #expect(exported.contains(".csv"))
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0")
        } catch {
            print("── sshd log ──\n\(fixture.serverLog)")
            throw error
        }

        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.exportDirectory.path)
        #expect(files.count == 1 && files.allSatisfy { $0.hasPrefix("eduioc-\(fixture.communeCode)-") && $0.hasSuffix(".csv") },
                "export folder: \(files)")
        let csvPath = fixture.exportDirectory.appendingPathComponent(try #require(files.first)).path
        let owner = try FileManager.default.attributesOfItem(atPath: csvPath)[.ownerAccountID] as? NSNumber
        #expect(owner?.uint32Value == fixture.commune.uid, "written by the account itself")
        let lines = try String(contentsOfFile: csvPath, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("Mã,Tên,Học sinh,") == true, "header: \(lines.first ?? "")")
        let rows = lines.dropFirst().map { $0.components(separatedBy: ",") }
        #expect(Set(rows.map { $0[0] }) == Set(schools.map { $0[0] }), "exactly the commune's schools")
        #expect(Set(rows.map { $0[1] }) == Set(schools.map { $0[1] }), "names with their Vietnamese letters")
        #expect(rows.map { Int($0[2]) ?? -1 }.reduce(0, +) == enrolled, "students are plain integers summing to the total")

        // Nothing else was written anywhere in the fixture folder, and the snapshot is untouched.
        let filesAfter = try FileManager.default.subpathsOfDirectory(atPath: fixture.directory.path).sorted()
        let exportFolder = "exports/\(fixture.commune.name)/"
        #expect(filesAfter.filter { !$0.hasPrefix(exportFolder) && $0 != "sshd.log" }
                == filesBefore.filter { $0 != "sshd.log" }, "files outside the export folder changed")
        let snapshotAfter = try FileManager.default.attributesOfItem(atPath: fixture.snapshot.path)
        #expect(snapshotAfter[.modificationDate] as? Date == snapshotBefore[.modificationDate] as? Date)
        #expect(snapshotAfter[.size] as? NSNumber == snapshotBefore[.size] as? NSNumber)
    }

    @Test func reportHonoursTheAccessFileAndRefusesUnknownAccounts() throws {
        let fixture = try SSHFixture()
        defer { fixture.close() }
        let base = ["report", "--ssh", "--access-file", fixture.accessFile.path, "--snapshot", fixture.snapshot.path]
        let commune = fixture.commune
        let own = try fixture.runAs(commune.uid, commune.gid, base + ["--json"])
        #expect(own.status == 0, "\(own.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(own.stdout.utf8)) as? [String: Any]
        let node = json?["node"] as? [String: Any]
        #expect(node?["code"] as? String == fixture.communeCode)
        let children = (json?["children"] as? [[String: Any]])?.compactMap { ($0["node"] as? [String: Any])?["code"] as? String }
        #expect(Set(children ?? []) == Set(try fixture.communeSchools().map { $0[0] }))

        let other = try #require(try fixture.sql("""
            SELECT s.code FROM schools s JOIN admin_units u ON u.id = s.unit_id WHERE u.code <> '\(fixture.communeCode)' LIMIT 1
            """).first?.first)
        let outside = try fixture.runAs(commune.uid, commune.gid, base + ["--school", other])
        #expect(outside.status == 1 && outside.stderr == "eduioc: \(other): not in your area\n", "\(outside.stderr)")

        // The province account is province-wide through its group.
        let wide = try fixture.runAs(fixture.province.uid, fixture.province.gid, base + ["--school", other, "--json"])
        #expect(wide.status == 0, "\(wide.stderr)")

        // --scope cannot widen (or change) access in SSH mode.
        let widened = try fixture.runAs(commune.uid, commune.gid, base + ["--scope", other])
        #expect(widened.status != 0 && widened.stderr.contains("--scope cannot be combined with --ssh"), "\(widened.stderr)")

        // An account with no entry (nobody) is refused with one line, by report and by console, whatever USER says.
        // Without `nobody` this check cannot run: a failure (never a silent pass), in CI and out of it.
        let nobody = try #require(getpwnam("nobody"), "no 'nobody' account to check the refusal of an account without an entry")
        let (uid, gid) = (nobody.pointee.pw_uid, nobody.pointee.pw_gid)
        for arguments in [base, ["console", "--ssh", "--access-file", fixture.accessFile.path, "--snapshot", fixture.snapshot.path]] {
            let refused = try ProcessRunner.run("/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(gid)", "--init-groups",
                                                                     fixture.binary] + arguments,
                                                environment: ["USER": commune.name, "LOGNAME": commune.name,
                                                              "SSH_ORIGINAL_COMMAND": "report"], timeout: 30)
            #expect(refused.status == 1)
            #expect(refused.stderr == "eduioc: account \"nobody\" has no entry in \(fixture.accessFile.path); access refused (ask the administrator)\n",
                    "\(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
    }

    @Test func anyCommandStillGetsTheConsoleAndForwardingIsRefused() throws {
        let fixture = try SSHFixture()
        defer { fixture.close() }
        let province = try fixture.sql("SELECT name FROM admin_units WHERE parent_id IS NULL").first?.first ?? "?"
        let topUnits = try fixture.sql("""
            SELECT count(*) FROM admin_units WHERE parent_id = (SELECT id FROM admin_units WHERE parent_id IS NULL)
            """).first?.first ?? "?"

        // Asking for a shell command over a terminal gets the console, province-wide for the province account.
        let tmux = try fixture.console(fixture.province, remote: ["sh", "-c", "id"])
        do {
            let screen = try tmux.waitFor("the province dashboard") {
                self.firstLine($0).contains(province) && $0.contains("(\(topUnits))")
            }
            #expect(!screen.contains("uid="))
            try tmux.send("e")
            try tmux.waitFor(text: "Tài khoản này không được phép xuất tệp")
            try tmux.send("q")
            let after = try tmux.waitFor(text: "EXIT:0")
            #expect(!after.contains("uid="), "a shell command ran")
        } catch {
            print("── sshd log ──\n\(fixture.serverLog)")
            throw error
        }

        // Without a terminal, a command gets the console's one-line refusal, never the command's output.
        let plain = try fixture.ssh(fixture.commune, remote: ["id"])
        #expect(plain.status == 1, "\(plain.stderr)")
        #expect(!(plain.stdout + plain.stderr).contains("uid="))
        #expect(plain.stderr.contains("eduioc: the console needs a terminal"), "\(plain.stderr)")

        // Port forwarding: a direct-tcpip channel (-W, what -L uses) and a remote forward (-R) are both refused.
        let direct = try fixture.ssh(fixture.commune, extra: ["-W", "127.0.0.1:\(fixture.port)"])
        #expect(direct.status == 255 && !direct.stdout.contains("SSH-2.0"), "-W: \(direct.status) \(direct.stdout)")
        #expect(direct.stderr.contains("prohibited") || direct.stderr.contains("forwarding failed"), "\(direct.stderr)")
        // ssh -L: the client listens locally, but every connection through it is refused by the server.
        let refusalsBefore = fixture.serverLog.components(separatedBy: "refused local port forward").count
        #expect(refusalsBefore > 1, "sshd did not log the refusal of -W")
        let localPort = try SSHFixture.freePort()
        let tunnel = try BackgroundProcess(try ExternalTool.require("ssh"),
                                           fixture.sshArguments(fixture.commune, tty: false,
                                                                extra: ["-N", "-o", "ExitOnForwardFailure=yes",
                                                                        "-L", "\(localPort):127.0.0.1:\(fixture.port)"]),
                                           logFile: fixture.directory.appendingPathComponent("tunnel.log"))
        defer { tunnel.stop() }
        var through = (connected: false, banner: "")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && !through.connected && tunnel.isRunning {
            usleep(100_000)
            through = SSHFixture.probe(port: localPort)
        }
        #expect(through.connected, "ssh -L never listened: \(tunnel.log)")
        #expect(!through.banner.contains("SSH-2.0"), "the forward reached sshd")
        let logged = Date().addingTimeInterval(3)
        while Date() < logged && fixture.serverLog.components(separatedBy: "refused local port forward").count == refusalsBefore {
            usleep(50_000)
        }
        #expect(fixture.serverLog.components(separatedBy: "refused local port forward").count > refusalsBefore,
                "sshd did not log the refusal of -L")
        let remotePort = try SSHFixture.freePort()
        let remote = try fixture.ssh(fixture.commune, extra: ["-N", "-o", "ExitOnForwardFailure=yes",
                                                              "-R", "\(remotePort):127.0.0.1:\(fixture.port)"])
        #expect(remote.status == 255, "-R: \(remote.status) \(remote.stderr)")
        #expect(remote.stderr.contains("forwarding failed"), "\(remote.stderr)")
        #expect(SSHFixture.banner(port: remotePort).isEmpty, "nothing listens on the remote forward port")
    }

    @Test func closingTheConnectionEndsTheConsole() throws {
        let fixture = try SSHFixture()
        defer { fixture.close() }
        let tmux = try fixture.console(fixture.commune)
        try tmux.waitFor("the commune dashboard") { self.firstLine($0).contains(fixture.communeName) && $0.contains("Trường (") }
        let consoles = ProcessTable.live(uid: fixture.commune.uid, named: "eduioc")
        try #require(consoles.count == 1, "eduioc processes of the account: \(consoles.map(\.pid))")
        let console = consoles[0]
        let clients = ProcessTable.all().filter { $0.name == "ssh" && $0.commandLine.contains("\(fixture.commune.name)@127.0.0.1") }
        try #require(clients.count == 1, "ssh clients: \(clients.map(\.commandLine))")

        kill(clients[0].pid, SIGKILL)  // the connection drops
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && !ProcessTable.isGone(console.pid) { usleep(50_000) }
        #expect(ProcessTable.isGone(console.pid), "eduioc (pid \(console.pid)) outlived its SSH connection")
        #expect(ProcessTable.live(uid: fixture.commune.uid, named: "eduioc").isEmpty, "an orphan eduioc is left")
        try tmux.waitFor(text: "EXIT:")
    }
}
