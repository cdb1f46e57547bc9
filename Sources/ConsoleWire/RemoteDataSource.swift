import ReportModel
import ConsoleApp
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `eduioc console --connect`: the console's data from `eduioc serve` over its Unix socket, behind the same
/// `DashboardDataSource` seam as the in-process source. It never opens the snapshot and holds only what the
/// server sent for the account's scope.
///
/// The runtime calls it from one worker queue, so requests are simple request/answer exchanges; pushes
/// (`changed`, `ended`) that arrive between answers are noted and reported by `pollForChange`. When the server
/// goes away every call says "reconnecting…" (the console keeps its last data under that banner) and each poll
/// tries to connect again; a successful reconnect reads as a change, so the screen reloads.
public final class RemoteDataSource: DashboardDataSource {
    private struct State: Sendable {
        var descriptor: Int32?
        var nextID = 1
        var changed = false
        var problem: String?
        var ended: String?
        var lost: String?
        var welcome: WireWelcome
        /// Counts the changes of the area's label the server sent (each is a new grant).
        var scopeRevision = 0
        var bytesReceived = 0
        /// The frame that followed the last `reportFollows` or `searchIndexFollows` (the report's or index's JSON).
        var followed: [UInt8]?
        /// The last search index received and its digest (the server sends it again only when it changed).
        var index: (digest: String, index: SearchIndex)?
    }

    /// The socket's path.
    public let socketPath: String
    private let state: Mutex<State>
    private let onEnded: @Sendable (String) -> Void
    private let afterLargeAnswer: @Sendable () -> Void
    /// How long an answer may take before the connection is treated as lost.
    private static let answerTimeoutSeconds = 60

    /// Connects and says hello. Throws `serverDown` when nothing answers, `refused` when the server says no.
    /// `onEnded` runs (once, from the worker) when the server ends the session; `afterLargeAnswer` runs after a
    /// search index was decoded (the thin client hands freed memory back to the system there).
    public init(socketPath: String, onEnded: @escaping @Sendable (String) -> Void = { _ in },
                afterLargeAnswer: @escaping @Sendable () -> Void = {}) throws {
        self.socketPath = socketPath
        self.onEnded = onEnded
        self.afterLargeAnswer = afterLargeAnswer
        let (descriptor, welcome) = try Self.connect(socketPath)
        state = Mutex(State(descriptor: descriptor, welcome: welcome))
    }

    deinit {
        state.withLock { if let fd = $0.descriptor { Glibc.close(fd) } }
    }

    /// Closes the connection (the console is quitting); later calls say "reconnecting…" and try again.
    public func close() {
        state.withLock { state in
            if let fd = state.descriptor { Glibc.close(fd) }
            state.descriptor = nil
            state.lost = "closed by the console"
        }
    }

    /// The server's welcome (the latest connection's).
    public var welcome: WireWelcome { state.withLock { $0.welcome } }

    /// Bytes received since the connection was first made (the bench reports them per refresh).
    public var bytesReceived: Int { state.withLock { $0.bytesReceived } }

    /// The account's area as the server last described it, once it changed while running (a new label: the access
    /// file narrowed or widened the grant); nil while it is the one of the first welcome.
    public var accessChange: AccessChange? {
        state.withLock { state in
            state.scopeRevision == 0 ? nil : AccessChange(revision: state.scopeRevision, scopeLabel: state.welcome.scopeLabel,
                                                          exportDirectory: state.welcome.exportDirectory)
        }
    }

    /// Why the server ended the session, if it did.
    public var endReason: String? { state.withLock { $0.ended } }

    /// The province's time zone, as the server said.
    public var timeZone: TimeZone { TimeZone(identifier: welcome.timeZone) ?? TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current }

    private static func connect(_ path: String) throws -> (Int32, WireWelcome) {
        let fd: Int32
        do {
            fd = try UnixSocket.connect(path: path)
        } catch let failure as UnixSocket.Failure {
            throw RemoteError.serverDown(path: path, reason: String(cString: strerror(failure.code)))
        }
        UnixSocket.setTimeout(fd, seconds: answerTimeoutSeconds, send: false)
        UnixSocket.setTimeout(fd, seconds: answerTimeoutSeconds, send: true)
        do {
            try UnixSocket.writeAll(fd, try WireProtocol.frame(ClientMessage.hello(version: WireProtocol.version)))
            switch try WireProtocol.read(ServerMessage.self, from: fd, limit: WireProtocol.maxServerFrame) {
            case .welcome(let welcome): return (fd, welcome)
            case .refused(let reason):
                Glibc.close(fd)
                throw RemoteError.refused(reason)
            default:
                Glibc.close(fd)
                throw RemoteError.protocolError("no welcome")
            }
        } catch let error as RemoteError {
            throw error
        } catch {
            Glibc.close(fd)
            throw RemoteError.serverDown(path: path, reason: String(describing: error))
        }
    }

    // MARK: DashboardDataSource

    public func report(for node: NodeRef?, asOf: Date) throws -> NodeReport {
        guard case .reportFollows = try request({ .report(id: $0, node: node) }) else { throw Self.mismatch }
        guard let body = state.withLock({ state in state.followed.take() }) else { throw Self.mismatch }
        do {
            return try WireProtocol.decode(NodeReport.self, from: body)
        } catch {
            throw RemoteError.protocolError(String(describing: error))
        }
    }

    public func resolve(_ target: JumpTarget) throws -> NodeRef {
        guard case .resolved(_, let node) = try request({ .resolve(id: $0, target: WireJump(target)) }) else { throw Self.mismatch }
        return node
    }

    public func dataQuality(asOf: Date) throws -> DataQualityReport {
        guard case .dataQuality(_, let list) = try request({ .dataQuality(id: $0) }) else { throw Self.mismatch }
        return list
    }

    public func checkInCurve(for node: NodeRef?, asOf: Date) throws -> CheckInCurve? {
        guard case .checkInCurve(_, let curve) = try request({ .checkInCurve(id: $0, node: node) }) else { throw Self.mismatch }
        return curve
    }

    /// The scope's search index: the one already held when the server says it has not changed (its digest), else
    /// decoded from the frame that follows, straight into the index's arrays (no intermediate list of entries).
    public func searchIndex() throws -> SearchIndex {
        let known = state.withLock { $0.index?.digest }
        switch try request({ .searchIndex(id: $0, known: known) }) {
        case .searchIndexUnchanged:
            guard let held = state.withLock({ $0.index?.index }) else { throw Self.mismatch }
            return held
        case .searchIndexFollows(_, let digest):
            let index = try decodeFollowingIndex()
            state.withLock { $0.index = (digest, index) }
            afterLargeAnswer()
            return index
        default:
            throw Self.mismatch
        }
    }

    private func decodeFollowingIndex() throws -> SearchIndex {
        guard let body = state.withLock({ state in state.followed.take() }) else { throw Self.mismatch }
        let wire: WireSearchIndex
        do {
            wire = try WireProtocol.decode(WireSearchIndex.self, from: body)
        } catch {
            throw RemoteError.protocolError(String(describing: error))
        }
        guard let index = wire.index else { throw RemoteError.protocolError("a search index whose parents do not form a tree") }
        return index
    }

    public func pollForChange() -> SnapshotPoll {
        let (poll, ended) = state.withLock { state -> (SnapshotPoll, String?) in
            if state.ended != nil { return (.unchanged, nil) }
            guard let fd = state.descriptor else {
                guard reconnect(&state) else {
                    if let reason = state.ended { return (.failed(reason), reason) }
                    return (.failed(RemoteError.reconnecting(state.lost ?? "no server").description), nil)
                }
                return (state.problem.map { .failed($0) } ?? .changed, nil)
            }
            while UnixSocket.readable(fd) {
                do {
                    note(try Self.receive(fd, &state), &state)
                } catch {
                    drop(&state, reason: String(describing: error))
                    return (.failed(RemoteError.reconnecting(state.lost ?? "").description), nil)
                }
                if let reason = state.ended { return (.failed(reason), reason) }
            }
            guard state.changed else { return (.unchanged, nil) }
            state.changed = false
            return (state.problem.map { .failed($0) } ?? .changed, nil)
        }
        if let ended { onEnded(ended) }
        return poll
    }

    // MARK: Exchanges

    private static let mismatch = RemoteError.protocolError("an answer of the wrong kind")

    /// Sends one request and waits for its answer, noting pushes that come first.
    private func request(_ make: (Int) -> ClientMessage) throws -> ServerMessage {
        let outcome = state.withLock { state -> Result<ServerMessage, any Error> in
            if let reason = state.ended { return .failure(RemoteError.ended(reason)) }
            if state.descriptor == nil && !reconnect(&state) {
                return .failure(RemoteError.reconnecting(state.lost ?? "no server"))
            }
            guard let fd = state.descriptor else { return .failure(RemoteError.reconnecting("no server")) }
            let id = state.nextID
            state.nextID += 1
            do {
                try UnixSocket.writeAll(fd, try WireProtocol.frame(make(id)))
                while true {
                    let message = try Self.receive(fd, &state)
                    if let answerID = Self.answerID(message) {
                        if Self.bodyFollows(message) { state.followed = try Self.receiveBody(fd, &state) }
                        guard answerID == id else { continue }  // an answer to an abandoned request
                        if case .failure(_, let error) = message { return .failure(error.dashboardError) }
                        return .success(message)
                    }
                    note(message, &state)
                    if let reason = state.ended { return .failure(RemoteError.ended(reason)) }
                }
            } catch {
                drop(&state, reason: String(describing: error))
                return .failure(RemoteError.reconnecting(state.lost ?? ""))
            }
        }
        return try outcome.get()
    }

    /// Reads one server frame, counting its bytes.
    private static func receive(_ fd: Int32, _ state: inout State) throws(WireProtocol.FrameError) -> ServerMessage {
        try WireProtocol.decode(ServerMessage.self, from: try receiveBody(fd, &state))
    }

    /// Reads one frame's body, counting its bytes.
    private static func receiveBody(_ fd: Int32, _ state: inout State) throws(WireProtocol.FrameError) -> [UInt8] {
        let header = try UnixSocket.readExactly(fd, count: 4)
        let body = try UnixSocket.readExactly(fd, count: try WireProtocol.length(header: header, limit: WireProtocol.maxServerFrame))
        state.bytesReceived += header.count + body.count
        return body
    }

    private static func bodyFollows(_ message: ServerMessage) -> Bool {
        switch message {
        case .reportFollows, .searchIndexFollows: return true
        default: return false
        }
    }

    private static func answerID(_ message: ServerMessage) -> Int? {
        switch message {
        case .reportFollows(let id), .resolved(let id, _), .dataQuality(let id, _), .searchIndexFollows(let id, _),
             .searchIndexUnchanged(let id), .checkInCurve(let id, _), .failure(let id, _):
            return id
        case .welcome, .refused, .changed, .ended: return nil
        }
    }

    private func note(_ message: ServerMessage, _ state: inout State) {
        switch message {
        case .changed(_, let problem, let label):
            state.changed = true
            state.problem = problem
            if let label, label != state.welcome.scopeLabel {
                state.welcome.scopeLabel = label
                state.scopeRevision += 1
            }
        case .ended(let reason):
            state.ended = reason
            if let fd = state.descriptor { Glibc.close(fd) }
            state.descriptor = nil
        default: break
        }
    }

    private func drop(_ state: inout State, reason: String) {
        if let fd = state.descriptor { Glibc.close(fd) }
        state.descriptor = nil
        state.lost = reason
    }

    /// One attempt to connect again; true on success (the server's state since then reads as a change).
    private func reconnect(_ state: inout State) -> Bool {
        do {
            let (fd, welcome) = try Self.connect(socketPath)
            state.descriptor = fd
            if welcome.scopeLabel != state.welcome.scopeLabel { state.scopeRevision += 1 }  // changed while away
            state.welcome = welcome
            state.lost = nil
            state.changed = false
            state.problem = nil
            return true
        } catch RemoteError.refused(let reason) {
            state.ended = reason  // access gone while away: end, do not retry forever
            return false
        } catch RemoteError.serverDown(_, let reason) {
            state.lost = "no server answers (\(reason))"
            return false
        } catch {
            state.lost = String(describing: error)
            return false
        }
    }
}
