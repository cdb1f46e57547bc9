import Analytics
import ConsoleWire
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `eduioc serve`: one process, one engine, many consoles on a Unix socket.
///
/// Each connection is identified by the kernel (SO_PEERCRED → `authorize`), says hello with the protocol version,
/// then asks for reports, jumps, search and data quality, each answered within its account's scope from the shared
/// `ServedEngine`. A poll thread moves the generation on a snapshot change and marks every console dirty; an access
/// thread checks every grant again (revoked: ended with a message; changed: applied in place and pushed). A console
/// that breaks the protocol, stalls a write past the timeout or goes away is dropped alone.
public final class DashboardServer: Sendable {
    private let engine: ServedEngine
    private let socketPath: String
    private let authorize: @Sendable (PeerCredentials) -> ServerGrant
    private let limits: ServerLimits
    private let listener: Int32
    private let clients = Mutex<[Int: ServerClient]>([:])
    private let nextID = Atomic<Int>(1)
    private let stopping = Atomic<Bool>(false)
    private let log: @Sendable (String) -> Void
    /// Sent in every welcome: how consoles judge figures (`serve --config`).
    private let settings: ConsoleSettings

    /// Binds `socketPath` (mode 0666: who may see what is the access file's to say, by the kernel's uid) and
    /// starts accepting, polling and re-checking access on their own threads.
    /// `log` gets one line per session opened, refused, dropped or closed (the server's stderr).
    public init(engine: ServedEngine, socketPath: String, limits: ServerLimits = ServerLimits(),
                settings: ConsoleSettings = ConsoleSettings(), log: @escaping @Sendable (String) -> Void = { _ in },
                authorize: @escaping @Sendable (PeerCredentials) -> ServerGrant) throws {
        self.engine = engine
        self.log = log
        self.socketPath = socketPath
        self.limits = limits
        self.settings = settings
        self.authorize = authorize
        listener = try UnixSocket.listen(path: socketPath, mode: 0o666)
        Thread.detachNewThread { [self] in acceptLoop() }
        Thread.detachNewThread { [self] in pollLoop() }
        Thread.detachNewThread { [self] in accessLoop() }
    }

    /// Connections open now.
    public var connectionCount: Int { clients.withLock { $0.count } }

    /// Bytes written to every console so far.
    public var bytesSent: Int { clients.withLock { $0.values.reduce(0) { $0 + $1.bytesSent.load(ordering: .relaxed) } } }

    /// Stops accepting, removes the socket and closes every connection: consoles keep their last data with
    /// "reconnecting…" and come back by themselves when a server listens again (a restart is not an ending).
    public func stop() {
        guard !stopping.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        unlink(socketPath)
        for client in clients.withLock({ Array($0.values) }) { client.disconnect() }
    }

    private func acceptLoop() {
        while !stopping.load(ordering: .relaxed), let fd = UnixSocket.accept(listener) {
            let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
            Thread.detachNewThread { [self] in serve(fd, id: id) }
        }
        close(listener)
    }

    private func pollLoop() {
        while !stopping.load(ordering: .relaxed) {
            Thread.sleep(forTimeInterval: Self.seconds(limits.pollInterval))
            if engine.poll() {
                let status = engine.status
                log("snapshot generation \(status.generation)\(status.problem.map { ": unusable: \($0)" } ?? ": changed")")
                for client in clients.withLock({ Array($0.values) }) { client.markDirty() }
            }
        }
    }

    /// Every `accessInterval`: each session's grant again (the authorizer reads the access file each time).
    private func accessLoop() {
        while !stopping.load(ordering: .relaxed) {
            Thread.sleep(forTimeInterval: Self.seconds(limits.accessInterval))
            var byUID: [UInt32: ServerGrant] = [:]
            for client in clients.withLock({ Array($0.values) }) {
                let decision = byUID[client.peer.uid] ?? authorize(client.peer)
                byUID[client.peer.uid] = decision
                switch decision {
                case .refused(let reason):
                    // Fail closed at once: a request already on its way is answered with an empty scope (nothing).
                    var none = client.grant
                    none.scope = Scope(unitCodes: [], schoolCodes: [])
                    client.grant = none
                    client.end("your access ended: \(reason)")
                case .granted(let grant) where grant != client.grant:
                    client.grant = grant  // narrowed (or widened) in place: the console reloads within its scope
                    client.markDirty()
                case .granted: break
                }
            }
        }
    }

    /// One connection from hello to close, on its own thread.
    private func serve(_ fd: Int32, id: Int) {
        UnixSocket.setTimeout(fd, seconds: limits.ioTimeoutSeconds, send: false)
        UnixSocket.setTimeout(fd, seconds: limits.ioTimeoutSeconds, send: true)
        guard let client = admit(fd, id: id) else { return }
        Thread.detachNewThread { [engine] in client.runNotifier(status: { engine.status }) }
        UnixSocket.setTimeout(fd, seconds: 0, send: false)  // an idle console is fine; a stalled write is not
        var why = "closed"
        defer {
            let open = clients.withLock { all -> Int in
                all.removeValue(forKey: id)
                return all.count
            }
            client.close()
            log("session \(id) (\(client.grant.user)) \(why); \(open) open")
        }
        var pacer = RequestPacer(perSecond: limits.requestsPerSecond, burst: limits.requestBurst)
        var pacedBefore = false
        let clock = ContinuousClock(), start = clock.now
        while !stopping.load(ordering: .relaxed) {
            let message: ClientMessage
            do {
                message = try WireProtocol.read(ClientMessage.self, from: fd, limit: WireProtocol.maxClientFrame)
            } catch {
                // A console that quits with a push still unread resets the connection: that is a close, not a fault.
                if error != .closed && error != .io(ECONNRESET) { why = "dropped: \(error)" }
                return
            }
            let wait = pacer.delay(now: Self.seconds(start.duration(to: clock.now)))
            if wait > 0 {
                if !pacedBefore { log("session \(id) (\(client.grant.user)) paced: more than \(limits.requestsPerSecond) requests a second") }
                pacedBefore = true
                Thread.sleep(forTimeInterval: wait)
            }
            guard let (answer, body) = answer(message, grant: client.grant) else {
                why = "dropped: a second hello"
                return
            }
            if let failure = client.send(answer, followedBy: body) {
                why = "dropped: its answer could not be written (\(failure))"
                return
            }
        }
    }

    /// Reads the hello and checks peer, version, access and the account's session count; sends the welcome.
    private func admit(_ fd: Int32, id: Int) -> ServerClient? {
        func refuse(_ reason: String) -> ServerClient? {
            log("session \(id) refused: \(reason)")
            if let bytes = try? WireProtocol.frame(ServerMessage.refused(reason: reason)) { try? UnixSocket.writeAll(fd, bytes) }
            close(fd)
            return nil
        }
        guard case .hello(let version)? = try? WireProtocol.read(ClientMessage.self, from: fd, limit: WireProtocol.maxClientFrame) else {
            close(fd)  // not a console: nothing to say to it
            return nil
        }
        guard version == WireProtocol.version else {
            return refuse("this console speaks protocol \(version), the server \(WireProtocol.version): update eduioc")
        }
        guard let peer = UnixSocket.peer(fd) else { return refuse("the server cannot tell who you are") }
        let grant: AccessGrant
        switch authorize(peer) {
        case .refused(let reason): return refuse(reason)
        case .granted(let granted): grant = granted
        }
        let client = ServerClient(id: id, descriptor: fd, peer: peer, grant: grant)
        let admitted = clients.withLock { all -> Bool in
            guard all.values.filter({ $0.peer.uid == peer.uid }).count < limits.sessionsPerAccount else { return false }
            all[id] = client
            return true
        }
        guard admitted else {
            return refuse("account \(grant.user) already has \(limits.sessionsPerAccount) sessions open (the limit); close one first")
        }
        let welcome = WireWelcome(user: grant.user, scopeLabel: ServerGrant.label(grant), exportDirectory: grant.exportDirectory,
                                  timeZone: engine.timeZone.identifier, version: WireProtocol.version, settings: settings)
        guard client.send(.welcome(welcome)) == nil else {
            clients.withLock { _ = $0.removeValue(forKey: id) }
            client.close()
            return nil
        }
        log("session \(id) opened for \(grant.user) (uid \(peer.uid), pid \(peer.pid), scope \(grant.scopeCodes ?? "*"))")
        return client
    }

    /// The answer to one request within `grant`'s scope (a report's JSON as a second frame); nil for a message
    /// that is not a request (a second hello).
    private func answer(_ message: ClientMessage, grant: AccessGrant) -> (ServerMessage, [UInt8]?)? {
        let scope = grant.scope
        switch message {
        case .hello: return nil
        case .report(let id, let node):
            switch engine.report(for: node, scope: scope) {
            case .success(let json): return (.reportFollows(id: id), json)
            case .failure(let error): return (.failure(id: id, error), nil)
            }
        case .resolve(let id, let target):
            return (Self.reply(id, engine.resolve(target.target, scope: scope)) { .resolved(id: id, $0) }, nil)
        case .dataQuality(let id):
            return (Self.reply(id, engine.dataQuality(scope: scope)) { .dataQuality(id: id, $0) }, nil)
        case .searchIndex(let id, let known):
            switch engine.searchIndex(scope: scope) {
            case .success(let index) where index.digest == known: return (.searchIndexUnchanged(id: id), nil)
            case .success(let index): return (.searchIndexFollows(id: id, digest: index.digest), index.json)
            case .failure(let error): return (.failure(id: id, error), nil)
            }
        case .checkInCurve(let id, let node):
            return (Self.reply(id, engine.checkInCurve(for: node, scope: scope)) { .checkInCurve(id: id, $0) }, nil)
        }
    }

    private static func reply<T>(_ id: Int, _ result: Result<T, WireError>, _ wrap: (T) -> ServerMessage) -> ServerMessage {
        switch result {
        case .success(let value): return wrap(value)
        case .failure(let error): return .failure(id: id, error)
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
