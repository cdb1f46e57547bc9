import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenSSH server on a loopback port, forcing every login of its test group into `eduioc console --ssh`,
/// plus two throw-away accounts (province-wide through a group, one commune through a user entry) with
/// generated keys, a sample snapshot and an access file. Everything lives in one 0755 temporary folder;
/// `close()` (also run by `deinit`) ends the sessions, sshd and the accounts' processes, and deletes the accounts.
final class SSHFixture {
    /// A test account.
    struct Account {
        let name: String
        let uid: uid_t
        let gid: gid_t
        let key: URL
    }

    let directory: URL
    let binary: String
    let themes: URL
    let snapshot: URL
    let accessFile: URL
    let port: Int
    /// The group whose logins are forced into the console (both accounts).
    let consoleGroup: String
    /// The group the access file makes province-wide (the province account only).
    let provinceGroup: String
    let province: Account
    let commune: Account
    /// The commune the commune account may see, and the folder it may export to.
    let communeCode: String
    let communeName: String
    let exportDirectory: URL
    private var createdUsers: [String] = []
    private var createdGroups: [String] = []
    private var sshd: BackgroundProcess?
    /// Server mode (`init(server: true)`): `eduioc serve` as root, the only opener of the snapshot, whose folder
    /// is root's alone (0700); the forced command is `eduioc console --connect socketPath`.
    let serverMode: Bool
    /// The server's socket (server mode).
    var socketPath: String { directory.appendingPathComponent("run/eduioc.sock").path }
    /// The running `eduioc serve` (server mode), started by `startServer()`.
    var server: BackgroundProcess?
    private var sessions: [TmuxSession] = []
    private var closed = false

    /// The crash log the forced console writes (root-owned, mode 0622: the accounts may append, never read).
    var crashLog: URL { directory.appendingPathComponent("crash/crash.log") }

    /// With `testCrash`, the forced console has the test-only crash trigger (SIGUSR2) and a crash log.
    init(testCrash: Bool = false, server: Bool = false) throws {
        serverMode = server
        guard getuid() == 0 else { throw ConsoleSessionError("the SSH end-to-end tests create accounts: run them as root") }
        let sshdPath = "/usr/sbin/sshd"
        guard FileManager.default.isExecutableFile(atPath: sshdPath) else { throw ExternalTool.ToolError.missing("sshd") }
        let tag = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(6))
        port = try Self.freePort()
        directory = URL(fileURLWithPath: "/tmp/eduioc-ssh-\(tag)")
        try Self.makeDirectory(directory, mode: 0o755)
        consoleGroup = "edt\(tag)g"
        provinceGroup = "edt\(tag)w"
        themes = directory.appendingPathComponent("Themes")
        snapshot = directory.appendingPathComponent(server ? "data/sample.sqlite" : "sample.sqlite")
        accessFile = directory.appendingPathComponent("access.yaml")
        // The accounts must be able to run the binary and read themes and snapshot: copy them into the 0755 folder.
        binary = directory.appendingPathComponent("bin/eduioc").path
        do {
            (communeCode, communeName) = try Self.prepare(directory: directory, binary: binary, themes: themes, snapshot: snapshot)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }

        // Keys, accounts and the access file; a failure half-way removes what was made.
        let keys = directory.appendingPathComponent("keys")
        let authorized = directory.appendingPathComponent("authorized")
        var users: [String] = [], groups: [String] = [], made: [Account] = []
        do {
            try Self.makeDirectory(keys, mode: 0o700)
            try Self.makeDirectory(authorized, mode: 0o755)
            for group in [consoleGroup, provinceGroup] {
                try Self.root("/usr/sbin/groupadd", [group])
                groups.append(group)
            }
            for (role, memberOf) in [("p", [consoleGroup, provinceGroup]), ("c", [consoleGroup])] {
                let name = "edt\(tag)\(role)"
                try Self.root("/usr/sbin/useradd", ["-M", "-s", "/bin/sh", "-p", "*", "-G", memberOf.joined(separator: ","), name])
                users.append(name)
                guard let entry = getpwnam(name) else { throw ConsoleSessionError("useradd \(name) made no account") }
                let key = keys.appendingPathComponent(name)
                try Self.root("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.path])
                try FileManager.default.copyItem(at: key.appendingPathExtension("pub"), to: authorized.appendingPathComponent(name))
                chmod(authorized.appendingPathComponent(name).path, 0o644)
                made.append(Account(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid, key: key))
            }
        } catch {
            Self.removeAccounts(users: users, groups: groups)
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        createdUsers = users
        createdGroups = groups
        (province, commune) = (made[0], made[1])
        let exports = directory.appendingPathComponent("exports")
        try Self.makeDirectory(exports, mode: 0o755)
        exportDirectory = exports.appendingPathComponent(commune.name)
        try Self.makeDirectory(exportDirectory, mode: 0o700)
        chown(exportDirectory.path, commune.uid, commune.gid)
        let access = """
            # written by SSHFixture
            users:
              \(commune.name):
                units: ['\(communeCode)']
                export_dir: \(exports.path)/{user}
            groups:
              \(provinceGroup):
                scope: province
            """
        try access.write(to: accessFile, atomically: true, encoding: .utf8)
        chmod(accessFile.path, 0o644)

        // The server: its own host key and config; logins of the console group are forced into the console.
        let hostKey = directory.appendingPathComponent("host_ed25519")
        try Self.root("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey.path])
        var forced = (server ? [binary, "console", "--connect", socketPath, "--themes-dir", themes.path]
                      : [binary, "console", "--ssh", "--snapshot", snapshot.path, "--access-file", accessFile.path,
                         "--themes-dir", themes.path]).joined(separator: " ")
        if server {
            chmod(snapshot.deletingLastPathComponent().path, 0o700)  // the service account's (here root's) alone
            try Self.makeDirectory(URL(fileURLWithPath: socketPath).deletingLastPathComponent(), mode: 0o755)
            try startServer()
        }
        if testCrash {
            try Self.makeDirectory(crashLog.deletingLastPathComponent(), mode: 0o755)
            FileManager.default.createFile(atPath: crashLog.path, contents: nil)
            chmod(crashLog.path, 0o622)
            forced = "EDUIOC_TEST_CRASH=sigusr2 \(forced) --crash-log \(crashLog.path)"
        }
        let config = """
            ListenAddress 127.0.0.1
            HostKey \(hostKey.path)
            PidFile none
            AuthorizedKeysFile \(authorized.path)/%u
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin no
            AllowGroups \(consoleGroup)
            UsePAM no
            StrictModes no
            PermitUserRC no
            PermitUserEnvironment no
            LogLevel VERBOSE
            Match Group \(consoleGroup)
                ForceCommand \(forced)
                DisableForwarding yes
                AllowTcpForwarding no
                AllowAgentForwarding no
                AllowStreamLocalForwarding no
                X11Forwarding no
                PermitTunnel no
                PermitTTY yes
            """
        let configFile = directory.appendingPathComponent("sshd_config")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        try Self.makeDirectory(URL(fileURLWithPath: "/run/sshd"), mode: 0o755, keepExisting: true)
        sshd = try BackgroundProcess(sshdPath, ["-D", "-e", "-f", configFile.path, "-p", "\(port)"],
                                     logFile: directory.appendingPathComponent("sshd.log"))
        try waitForBanner()
    }

    deinit { close() }

    /// Ends sessions, the accounts' processes and sshd, deletes the accounts and groups and the folder.
    func close() {
        guard !closed else { return }
        closed = true
        sessions.forEach { $0.close() }
        server?.stop()
        let uids = [province, commune].map(\.uid)
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline && uids.contains(where: { !ProcessTable.live(uid: $0).isEmpty }) { usleep(50_000) }
        for uid in uids { for entry in ProcessTable.live(uid: uid) { kill(entry.pid, SIGKILL) } }
        sshd?.stop()
        Self.removeAccounts(users: createdUsers, groups: createdGroups)
        try? FileManager.default.removeItem(at: directory)
    }

    /// sshd's log so far (printed when a test fails).
    var serverLog: String { sshd?.log ?? "" }

    /// The ssh client's arguments to log in as `account`, then `extra` options, then `remote` (a command to ask for).
    func sshArguments(_ account: Account, tty: Bool = true, extra: [String] = [], remote: [String] = []) -> [String] {
        (tty ? ["-tt"] : ["-T"]) + ["-F", "/dev/null", "-i", account.key.path, "-p", "\(port)",
                                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                                    "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
                                    "-o", "ConnectTimeout=10"]
            + extra + ["\(account.name)@127.0.0.1"] + remote
    }

    /// Runs ssh to completion (no terminal) and returns what it printed.
    func ssh(_ account: Account, extra: [String] = [], remote: [String] = [], timeout: TimeInterval = 20) throws -> ProcessRunner.Result {
        try ProcessRunner.run(try ExternalTool.require("ssh"), sshArguments(account, tty: false, extra: extra, remote: remote),
                              timeout: timeout)
    }

    /// `ssh -tt` in a tmux terminal; after ssh ends the pane shows `EXIT:<status>`.
    func console(_ account: Account, remote: [String] = [], columns: Int = 130, rows: Int = 36) throws -> TmuxSession {
        let ssh = try ExternalTool.require("ssh")
        let line = ([ssh] + sshArguments(account, remote: remote)).map(TmuxSession.quote).joined(separator: " ")
        let session = try TmuxSession(columns: columns, rows: rows, command: "\(line); echo \"EXIT:$?\"; sleep 600")
        sessions.append(session)
        return session
    }

    /// Runs the copied binary as `account` (setpriv, with its groups), no terminal.
    func runAs(_ uid: uid_t, _ gid: gid_t, _ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run("/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(gid)", "--init-groups", binary] + arguments,
                              timeout: 60)
    }

    /// Rows of a read-only sqlite3 query on the snapshot.
    func sql(_ query: String) throws -> [[String]] { try SQLiteCLI.rows(snapshot.path, query) }

    /// The active schools (code, name) of the commune.
    func communeSchools() throws -> [[String]] {
        try sql("""
            SELECT s.code, s.name FROM schools s JOIN admin_units u ON u.id = s.unit_id
            WHERE u.code = '\(communeCode)' AND s.status = 'active' ORDER BY s.code
            """)
    }

    private func waitForBanner() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if Self.banner(port: port).hasPrefix("SSH-2.0") { return }
            if sshd?.isRunning != true { break }
            usleep(50_000)
        }
        print("── sshd log ──\n\(serverLog)")
        throw ConsoleSessionError("sshd did not start on 127.0.0.1:\(port) (log printed above)")
    }

    /// The first bytes a TCP server on loopback `port` sends (empty when nothing answers).
    static func banner(port: Int) -> String { probe(port: port).banner }

    /// Whether a TCP connection to loopback `port` is accepted, and the first bytes sent on it (empty when the
    /// connection is closed at once or nothing is sent within 2 s).
    static func probe(port: Int) -> (connected: Bool, banner: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return (false, "") }
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return (false, "") }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fd, &buffer, buffer.count)
        return (true, n > 0 ? String(decoding: buffer.prefix(n), as: UTF8.self) : "")
    }

    /// A loopback port nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ConsoleSessionError("socket: \(errno)") }
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw ConsoleSessionError("cannot find a free port: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Copies an executable through a close-on-exec descriptor: a process another test forks meanwhile must not
    /// inherit the open file, or exec'ing the copy fails with "Text file busy" (ETXTBSY) while that process lives.
    private static func copyExecutable(from source: String, to target: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        let fd = Glibc.open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw ConsoleSessionError("cannot create \(target): errno \(errno)") }
        defer { Glibc.close(fd) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count else { throw ConsoleSessionError("short write to \(target)") }
        fchmod(fd, 0o755)
    }

    /// Copies the binary and themes, generates the sample, and picks the commune with the most active schools
    /// (so drilling and filtering have rows).
    private static func prepare(directory: URL, binary: String, themes: URL, snapshot: URL) throws -> (String, String) {
        try makeDirectory(directory.appendingPathComponent("bin"), mode: 0o755)
        try makeDirectory(snapshot.deletingLastPathComponent(), mode: 0o755, keepExisting: true)
        try copyExecutable(from: PackagePaths.eduiocBinary.path, to: binary)
        // Installed side by side, as in docs/DEPLOYMENT.md: `console --connect` becomes the thin client.
        try copyExecutable(from: PackagePaths.thinClientBinary.path,
                           to: URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("eduioc-view").path)
        try FileManager.default.copyItem(at: PackagePaths.themes, to: themes)
        try ConsoleSession.generate(binary: binary, to: snapshot, schools: 24)
        chmod(snapshot.path, 0o644)
        let communes = try SQLiteCLI.rows(snapshot.path, """
            SELECT u.code, u.name FROM admin_units u JOIN schools s ON s.unit_id = u.id
            WHERE s.status = 'active' AND u.parent_id IS NOT NULL GROUP BY u.id ORDER BY count(*) DESC, u.code LIMIT 1
            """)
        guard let first = communes.first, first.count == 2 else { throw ConsoleSessionError("no commune in the sample") }
        return (first[0], first[1])
    }

    private static func removeAccounts(users: [String], groups: [String]) {
        for user in users { _ = try? ProcessRunner.run("/usr/sbin/userdel", ["-f", user], timeout: 20) }
        for group in groups { _ = try? ProcessRunner.run("/usr/sbin/groupdel", [group], timeout: 20) }
    }

    private static func makeDirectory(_ url: URL, mode: mode_t, keepExisting: Bool = false) throws {
        if keepExisting && FileManager.default.fileExists(atPath: url.path) { return }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, mode)
    }

    private static func root(_ tool: String, _ arguments: [String]) throws {
        let result = try ProcessRunner.run(tool, arguments, timeout: 30)
        guard result.status == 0 else {
            throw ConsoleSessionError("\(tool) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
    }
}
