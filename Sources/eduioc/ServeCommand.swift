import Analytics
import ArgumentParser
import ConsoleApp
import ConsoleServer
import ConsoleWire
import Foundation
import ProcessSupport
import SectorData
import SnapshotSource

/// `eduioc serve`: one engine for every official's console, on a Unix socket (issue 15).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard to officials' consoles (eduioc console --connect) over a Unix socket.",
        discussion: """
            Run by a service account (docs/eduioc-serve.service): this process alone opens the snapshot, holds the \
            caches and the summaries of past school days, watches the file for changes and computes each dashboard \
            once per change for every console of the same scope. Officials' ForceCommand is \
            `eduioc console --connect SOCKET`; their accounts need no access to the snapshot at all.

            Who connects is the kernel's answer (SO_PEERCRED: the user id, then its account and groups from the \
            system's databases); their entry in the access file (--access-file, default \(AccessPolicy.defaultPath), \
            held to sshd's StrictModes rule) decides what they see. Nothing outside that scope is ever sent, and a \
            code outside it is answered exactly like one that does not exist. The access file is read again every \
            2 s: a revoked account's sessions end with a message, a changed one is narrowed or widened in place.

            A change of the snapshot reaches every console within a second; a slow console gets the latest state, \
            never a backlog. A console that sends garbage, an oversized or wrong-version message is dropped alone. \
            The socket is created mode 0666 (put it in a folder such as /run/eduioc); an old socket at the path is \
            replaced, any other file is refused.

            Ends on SIGTERM or SIGINT; consoles keep their last data with "reconnecting…" until a server listens \
            again. Exit status 128+N.
            """
    )

    @Option(name: .long, help: "Snapshot file to serve.")
    var snapshot: String

    @Option(name: .long, help: ArgumentHelp("The Unix socket to listen on (e.g. /run/eduioc/eduioc.sock).", valueName: "path"))
    var socket: String

    @Option(name: [.customLong("access-file"), .customLong("access")],
            help: ArgumentHelp("The access file (default: \(AccessPolicy.defaultPath)).", valueName: "file"))
    var accessFile: String = AccessPolicy.defaultPath

    @Option(name: .customLong("summaries-dir"), help: ArgumentHelp(
        "Where the summaries of past school days are kept between runs (default: not kept; a start then recomputes them).",
        valueName: "dir"))
    var summariesDir: String?

    @Option(name: .long, help: "Analytics configuration file (thresholds, benchmark profile); see docs/analytics.example.yaml.")
    var config: String?

    @Option(name: .customLong("sessions-per-account"), help: "Connections one account may hold at once.")
    var sessionsPerAccount: Int = 8

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Answer as of this fixed instant (YYYY-MM-DDTHH:MM:SSZ) instead of the clock: replays, tests and eduioc bench --viewers.",
        valueName: "instant"))
    var asOf: String?

    @Option(name: .customLong("crash-log"), help: ArgumentHelp(
        "Where a crash's details go (default: \(CrashGuard.defaultLogPath)).", valueName: "file"))
    var crashLog: String?

    func validate() throws {
        guard (1...1000).contains(sessionsPerAccount) else { throw ValidationError("--sessions-per-account: 1 to 1000") }
        if let asOf, SnapshotTime.parse(asOf) == nil { throw ValidationError("--as-of: not YYYY-MM-DDTHH:MM:SSZ") }
    }

    func run() throws {
        // The server holds the whole province: no core files, no tracing by the service account's other processes.
        try CrashGuard.hardenForSSH()
        CrashGuard.openLog(path: crashLog, ssh: false)
        let accessPath = accessFile
        try AccessFileSafety.check(path: accessPath)
        do {
            _ = try AccessPolicy.load(path: accessPath)
        } catch let error as AccessPolicyError {
            throw CLIError(error.description)
        }
        let analyticsConfig = try config.map { try AnalyticsConfig.load(contentsOf: URL(fileURLWithPath: $0)) } ?? AnalyticsConfig()
        let store = summariesDir.map { SummaryStore(directory: URL(fileURLWithPath: $0, isDirectory: true)) }
        let source = try SnapshotDataSource(url: URL(fileURLWithPath: snapshot), config: analyticsConfig, scope: nil, store: store)
        let fixed = asOf.flatMap(SnapshotTime.parse)
        let engine = ServedEngine(source: source, clock: { fixed ?? Date() })
        let server = try DashboardServer(engine: engine, socketPath: socket,
                                         limits: ServerLimits(sessionsPerAccount: sessionsPerAccount),
                                         settings: ConsoleSettings(attendance: analyticsConfig.attendance,
                                                                   staleAfterMinutes: analyticsConfig.snapshot.staleAfterMinutes),
                                         log: { line in FileHandle.standardError.write(Data("eduioc serve: \(line)\n".utf8)) }) { peer in
            Self.decide(peer, accessFile: accessPath)
        }
        let done = DispatchSemaphore(value: 0)
        let trap = SignalTrap(signals: [SIGINT, SIGTERM]) { _ in done.signal() }
        FileHandle.standardError.write(Data("eduioc serve: listening on \(socket) (snapshot \(snapshot))\n".utf8))
        done.wait()
        server.stop()
        FileHandle.standardError.write(Data("eduioc serve: stopped; sessions closed, socket removed\n".utf8))
        // SIGTERM is a service's ordinary stop (systemd's KillSignal): exit 0, so `systemctl stop` leaves the unit
        // inactive, not failed. An interrupt (Ctrl-C when run by hand) keeps the conventional 128 + signal.
        if trap.caughtSignal == SIGTERM { return }
        throw ExitCode(trap.exitStatus())
    }

    /// The access decision for a peer: its account from the system's databases, then its access-file entry.
    static func decide(_ peer: PeerCredentials, accessFile: String) -> ServerGrant {
        do {
            let account = try SystemAccount.account(uid: peer.uid)
            return .granted(try AccessOptions.grant(for: account, accessFile: accessFile))
        } catch {
            return .refused(String(describing: error))
        }
    }
}
