import Analytics
import ConsoleApp
@testable import ConsoleServer
import ConsoleWire
import Foundation
import SnapshotSource
import Synchronization
import TestSupport

/// A real `DashboardServer` on a real Unix socket over a freshly generated sample snapshot, with the access decision
/// in the test's hands: `grants` are handed out to connections in order (every connection of a test process has the
/// same uid, so the order stands in for "who"), and `override` replaces every decision (revocation, narrowing).
final class ServerRig: Sendable {
    let snapshot: URL
    let socketPath: String
    let engine: ServedEngine
    let server: DashboardServer
    /// Two communes with active schools (code, name), the first with the most.
    let communes: [(code: String, name: String)]
    private let queue: Mutex<[AccessGrant]>
    private let fallback: AccessGrant
    let override = Mutex<ServerGrant?>(nil)
    let events = Mutex<[String]>([])
    /// The as-of every answer uses (the sample's "now").
    static let asOf = SampleFixtures.mondayMorning

    init(schools: Int = 16, grants: [AccessGrant] = [], sessionsPerAccount: Int = 8,
         accessInterval: Duration = .seconds(3600), settings: ConsoleSettings = ConsoleSettings(),
         requestsPerSecond: Double = 1000, requestBurst: Int = 1000) throws {
        snapshot = try SampleFixtures.freshSnapshot(schools: schools, seed: 11, historyDays: 4)
        socketPath = snapshot.deletingLastPathComponent().appendingPathComponent("s.sock").path
        let rows = try SQLiteCLI.rows(snapshot.path, """
            SELECT u.code, u.name FROM admin_units u JOIN schools s ON s.unit_id = u.id
            WHERE s.status = 'active' AND u.parent_id IS NOT NULL GROUP BY u.id ORDER BY count(*) DESC, u.code LIMIT 2
            """)
        communes = rows.map { ($0[0], $0[1]) }
        queue = Mutex(grants)
        fallback = AccessGrant(user: "province", scope: nil, exportDirectory: nil, matchedBy: ["test"])
        let source = try SnapshotDataSource(url: snapshot, config: AnalyticsConfig(), scope: nil)
        engine = ServedEngine(source: source, clock: { ServerRig.asOf })
        let decide = Box()
        let log = Box()
        server = try DashboardServer(engine: engine, socketPath: socketPath,
                                     limits: ServerLimits(sessionsPerAccount: sessionsPerAccount, accessInterval: accessInterval,
                                                          requestsPerSecond: requestsPerSecond, requestBurst: requestBurst),
                                     settings: settings, log: { line in log.call(line) }) { peer in decide.decide(peer) }
        decide.rig.withLock { $0 = self }
        log.rig.withLock { $0 = self }
    }

    /// Late binding of the closures to the rig (the server starts in the rig's initialiser).
    private final class Box: Sendable {
        let rig = Mutex<ServerRig?>(nil)
        func decide(_ peer: PeerCredentials) -> ServerGrant {
            guard let rig = rig.withLock({ $0 }) else { return .refused("not ready") }
            return rig.decide(peer)
        }
        func call(_ line: String) { rig.withLock { $0 }?.events.withLock { $0.append(line) } }
    }

    private func decide(_ peer: PeerCredentials) -> ServerGrant {
        if let forced = override.withLock({ $0 }) { return forced }
        return .granted(queue.withLock { $0.isEmpty ? fallback : $0.removeFirst() })
    }

    /// A grant of one commune.
    static func grant(_ user: String, unit: String) -> AccessGrant {
        AccessGrant(user: user, scope: Scope(unitCodes: [unit]), exportDirectory: nil, matchedBy: ["test"])
    }

    /// The in-process console's source for `scope` on the same file: the reference the server must match.
    func inProcess(scope: Scope?) throws -> SnapshotDataSource {
        try SnapshotDataSource(url: snapshot, config: AnalyticsConfig(), scope: scope)
    }

    /// Active school codes of a commune, from the sqlite3 CLI.
    func schoolCodes(of unit: String) throws -> Set<String> {
        Set(try SQLiteCLI.rows(snapshot.path, """
            SELECT s.code FROM schools s JOIN admin_units u ON u.id = s.unit_id WHERE u.code = '\(unit)' AND s.status = 'active'
            """).map { $0[0] })
    }

    /// Waits (bounded) until `condition` holds; false if it never did.
    static func eventually(_ seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}
