import Analytics
import ConsoleApp
import ConsoleCore
@testable import ConsoleWire
@testable import ConsoleServer
import Foundation
import Synchronization
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
import ReportModel
#endif

/// The server over a real Unix socket with real snapshots: scopes, equality with the in-process source, bad
/// clients, many clients, pushes, revocation and narrowing.
@Suite("Dashboard server (real socket)", .serialized)
struct DashboardServerTests {
    @Test func theServersJudgingSettingsReachEveryConsole() throws {
        var attendance = AttendancePolicy()
        attendance.rateWarn = 0.97
        attendance.rateCritical = 0.93
        attendance.completenessWarn = 0.55
        let settings = ConsoleSettings(attendance: attendance, staleAfterMinutes: 7)
        let rig = try ServerRig(settings: settings)
        let client = try RemoteDataSource(socketPath: rig.socketPath)
        defer { client.close(); rig.server.stop() }
        #expect(client.welcome.settings == settings)
        var state = AppState(size: Size(columns: 100, rows: 30), now: ServerRig.asOf)
        state.apply(client.welcome.settings)
        #expect(state.attendanceBands == RateBands(ok: 0.97, warn: 0.93))
        #expect(state.completenessBands == .completeness(attendance))
        #expect(state.staleAfterMinutes == 7)
    }

    @Test func aSessionAskingFasterThanItsRateIsAnsweredLateNotDropped() throws {
        let rig = try ServerRig(requestsPerSecond: 10, requestBurst: 5)
        let client = try RemoteDataSource(socketPath: rig.socketPath)
        defer { client.close(); rig.server.stop() }
        let start = Date()
        for _ in 0..<25 { _ = try client.report(for: nil, asOf: Date()) }
        // 5 at once, then 20 more at 10 a second: at least 2 s (less 5 % for the clock), however fast the machine.
        #expect(Date().timeIntervalSince(start) >= 1.9, "25 answers in \(Date().timeIntervalSince(start)) s")
        #expect(rig.events.withLock { $0 }.contains { $0.contains("paced: more than 10.0 requests a second") },
                "\(rig.events.withLock { $0 })")
        #expect(rig.server.connectionCount == 1, "still connected")
    }

    @Test func theCheckInCurveIsCutToTheScopeAndEqualsTheInProcessOne() throws {
        let probe = try ServerRig(grants: [])
        let (a, b) = (probe.communes[0], probe.communes[1])
        probe.server.stop()
        let rig = try ServerRig(grants: [ServerRig.grant("an", unit: a.code)])
        let client = try RemoteDataSource(socketPath: rig.socketPath)
        defer { client.close(); rig.server.stop() }
        let local = try rig.inProcess(scope: Scope(unitCodes: [a.code]))
        let remote = try #require(try client.checkInCurve(for: nil, asOf: Date()))
        #expect(remote == (try local.checkInCurve(for: nil, asOf: ServerRig.asOf)), "the commune's curve, as in-process")
        let unscoped = try rig.inProcess(scope: nil)
        #expect(remote != (try unscoped.checkInCurve(for: nil, asOf: ServerRig.asOf)), "not the province's")
        let foreign = try #require(try rig.schoolCodes(of: b.code).sorted().first)
        do {
            _ = try client.checkInCurve(for: NodeRef(level: .school, code: foreign, name: "?"), asOf: Date())
            Issue.record("a curve of \(foreign), outside the scope")
        } catch DashboardDataError.notInYourArea(let said) {
            #expect(said == foreign)
        } catch {
            Issue.record("expected notInYourArea, got \(error)")
        }
    }

    @Test func twoScopesSeeOnlyTheirOwnAndTheSameFiguresAsInProcess() throws {
        let probe = try ServerRig(grants: [])
        let (a, b) = (probe.communes[0], probe.communes[1])
        probe.server.stop()
        let rig = try ServerRig(grants: [ServerRig.grant("an", unit: a.code), ServerRig.grant("binh", unit: b.code)])
        let first = try RemoteDataSource(socketPath: rig.socketPath)
        let second = try RemoteDataSource(socketPath: rig.socketPath)
        defer { first.close(); second.close(); rig.server.stop() }
        #expect(first.welcome.scopeLabel == "an: \(a.code)" && second.welcome.scopeLabel == "binh: \(b.code)")

        for (client, unit) in [(first, a.code), (second, b.code)] {
            let scope = Scope(unitCodes: [unit])
            let local = try rig.inProcess(scope: scope)
            let remote = try client.report(for: nil, asOf: Date())
            #expect(remote == (try local.report(for: nil, asOf: ServerRig.asOf)), "same report as the in-process console")
            #expect(remote.path.first?.code == unit)
            #expect(Set(remote.children.map(\.node.code)) == (try rig.schoolCodes(of: unit)), "its schools, by sqlite3")
            let school = try #require(remote.children.first?.node)
            #expect(try client.report(for: school, asOf: Date()) == (try local.report(for: school, asOf: ServerRig.asOf)))
            let index = try client.searchIndex()
            let schoolsInIndex = Set(index.entries.filter { $0.node.level == .school }.map(\.node.code))
            #expect(schoolsInIndex == (try rig.schoolCodes(of: unit)), "search holds only its own schools")
        }

        // Outside and absent answer identically: the other commune's school, and a code nobody has.
        let foreign = try #require(try rig.schoolCodes(of: b.code).sorted().first)
        let foreignNode = NodeRef(level: .school, code: foreign, name: "?")
        let absentNode = NodeRef(level: .school, code: "NO-SUCH-SCHOOL", name: "?")
        for (node, code) in [(foreignNode, foreign), (absentNode, "NO-SUCH-SCHOOL")] {
            #expect(throws: DashboardDataError.self) { try first.report(for: node, asOf: Date()) }
            do {
                _ = try first.report(for: node, asOf: Date())
            } catch DashboardDataError.notInYourArea(let said) {
                #expect(said == code)
            } catch {
                Issue.record("expected notInYourArea, got \(error)")
            }
            do {
                _ = try first.resolve(.code(code))
                Issue.record("resolved \(code) outside the scope")
            } catch DashboardDataError.notInYourArea {
            } catch {
                Issue.record("expected notInYourArea, got \(error)")
            }
        }
        #expect(try second.report(for: foreignNode, asOf: Date()).path.last?.code == foreign, "the owner sees it")
    }

    @Test func aNodeWhollyInTwoScopesIsComputedOnceAndCutToEach() throws {
        let probe = try ServerRig(grants: [])
        let commune = probe.communes[0]
        probe.server.stop()
        let rig = try ServerRig(grants: [ServerRig.grant("an", unit: commune.code),
                                         AccessGrant(user: "lan", scope: nil, exportDirectory: nil, matchedBy: ["test"]),
                                         AccessGrant(user: "hai", scope: Scope(unitCodes: [commune.code, rig2Other(probe)]),
                                                     exportDirectory: nil, matchedBy: ["test"])])
        let scoped = try RemoteDataSource(socketPath: rig.socketPath)
        let province = try RemoteDataSource(socketPath: rig.socketPath)
        let two = try RemoteDataSource(socketPath: rig.socketPath)
        defer { scoped.close(); province.close(); two.close(); rig.server.stop() }

        // The commune official's root is the commune: the province official's drill to the commune is the same report.
        let root = try scoped.report(for: nil, asOf: Date())
        let start = rig.engine.computations
        let communeNode = try #require(root.path.first)
        let fromProvince = try province.report(for: communeNode, asOf: Date())
        #expect(rig.engine.computations == start, "served from the commune official's computation")
        #expect(fromProvince.figures == root.figures && fromProvince.children == root.children && fromProvince.alerts == root.alerts)
        #expect(fromProvince.path.count == 2 && root.path.count == 1, "each breadcrumb from its own root")

        // A school of the commune: once for all three scopes, each equal to its in-process console's report.
        let school = try #require(root.children.first?.node)
        let answers = [try scoped.report(for: school, asOf: Date()), try province.report(for: school, asOf: Date()),
                       try two.report(for: school, asOf: Date())]
        #expect(rig.engine.computations == start + 1, "one computation for three scopes")
        let renamed = try province.report(for: NodeRef(level: .school, code: school.code, name: "any other name"), asOf: Date())
        #expect(renamed == answers[1] && rig.engine.computations == start + 1, "a node is its level and code, not the name sent")
        let scopes: [Scope?] = [Scope(unitCodes: [commune.code]), nil, Scope(unitCodes: [commune.code, rig2Other(probe)])]
        for (answer, scope) in zip(answers, scopes) {
            #expect(answer == (try rig.inProcess(scope: scope).report(for: school, asOf: ServerRig.asOf)), "\(String(describing: scope))")
        }
        // The two-commune official's root is the province cut to two communes: computed within that scope.
        let partial = try two.report(for: nil, asOf: Date())
        #expect(partial == (try rig.inProcess(scope: scopes[2]).report(for: nil, asOf: ServerRig.asOf)))
        #expect(Set(partial.children.map(\.node.code)) == [commune.code, rig2Other(probe)], "only its two communes below the root")
    }

    private func rig2Other(_ rig: ServerRig) -> String { rig.communes[1].code }

    @Test func aGarbageClientIsDroppedAndOthersContinue() throws {
        let rig = try ServerRig()
        let good = try RemoteDataSource(socketPath: rig.socketPath)
        defer { good.close(); rig.server.stop() }
        let before = try good.report(for: nil, asOf: Date())
        #expect(rig.server.connectionCount == 1)

        // After a proper hello: a frame that is not JSON, then one over the bound, then a second hello.
        let attacks: [[UInt8]] = [
            [0, 0, 0, 4, 0xDE, 0xAD, 0xBE, 0xEF],
            [0, 0x10, 0, 0] + [UInt8](repeating: 0x41, count: 64),
            try WireProtocol.frame(ClientMessage.hello(version: WireProtocol.version)),
        ]
        for attack in attacks {
            let fd = try UnixSocket.connect(path: rig.socketPath)
            defer { close(fd) }
            try UnixSocket.writeAll(fd, try WireProtocol.frame(ClientMessage.hello(version: WireProtocol.version)))
            guard case .welcome = try WireProtocol.read(ServerMessage.self, from: fd, limit: WireProtocol.maxServerFrame) else {
                Issue.record("no welcome")
                continue
            }
            try UnixSocket.writeAll(fd, attack)
            // Closed by the server: an end of file, or a reset when it closed with our bytes unread.
            do {
                let reply = try WireProtocol.read(ServerMessage.self, from: fd, limit: WireProtocol.maxServerFrame)
                Issue.record("the server answered a bad client: \(reply)")
            } catch {
                #expect(error == .closed || error == .io(ECONNRESET), "\(error)")
            }
        }
        // A wrong version is refused in words; garbage instead of a hello gets nothing.
        let old = try UnixSocket.connect(path: rig.socketPath)
        try UnixSocket.writeAll(old, try WireProtocol.frame(ClientMessage.hello(version: 99)))
        let refusal = try WireProtocol.read(ServerMessage.self, from: old, limit: WireProtocol.maxServerFrame)
        close(old)
        guard case .refused(let reason) = refusal else { Issue.record("expected a refusal, got \(refusal)"); return }
        #expect(reason.contains("99"))
        #expect(ServerRig.eventually { rig.server.connectionCount == 1 }, "only the good client is left")
        #expect(try good.report(for: nil, asOf: Date()) == before, "the good client is served as before")
        // A session's line is logged after it leaves the count, so the last drop may still be on its way.
        let dropped = { rig.events.withLock { $0 }.filter { $0.contains("dropped") } }
        #expect(ServerRig.eventually { dropped().count >= 3 }, "\(rig.events.withLock { $0 })")
        #expect(dropped().count == 3, "\(rig.events.withLock { $0 })")
    }

    @Test func fiftyClientsAtOnceGetTheirDashboardsFromOneComputation() throws {
        let rig = try ServerRig(sessionsPerAccount: 60)
        defer { rig.server.stop() }
        let expected = try rig.inProcess(scope: nil).report(for: nil, asOf: ServerRig.asOf)
        let results = Mutex<[Result<NodeReport, WireError>]>([])
        let sources = Mutex<[RemoteDataSource]>([])
        DispatchQueue.concurrentPerform(iterations: 50) { _ in
            do {
                let source = try RemoteDataSource(socketPath: rig.socketPath)
                sources.withLock { $0.append(source) }
                let report = try source.report(for: nil, asOf: Date())
                results.withLock { $0.append(.success(report)) }
            } catch {
                results.withLock { $0.append(.failure(WireError(error))) }
            }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 50)
        #expect(all.allSatisfy { (try? $0.get()) == expected }, "every client got the province dashboard")
        #expect(rig.server.connectionCount == 50)
        #expect(rig.engine.computations == 1, "computed once, served fifty times")
        for source in sources.withLock({ $0 }) { source.close() }
        #expect(ServerRig.eventually { rig.server.connectionCount == 0 }, "every connection cleaned up")
    }

    @Test func aSessionLimitPerAccountRefusesTheNextOne() throws {
        let rig = try ServerRig(sessionsPerAccount: 2)
        defer { rig.server.stop() }
        let one = try RemoteDataSource(socketPath: rig.socketPath)
        let two = try RemoteDataSource(socketPath: rig.socketPath)
        #expect(throws: RemoteError.self) { try RemoteDataSource(socketPath: rig.socketPath) }
        one.close()
        #expect(ServerRig.eventually { rig.server.connectionCount == 1 })
        let three = try RemoteDataSource(socketPath: rig.socketPath)
        two.close()
        three.close()
    }

    @Test func aCommitIsPushedAndRevocationAndNarrowingFollowTheAccessDecision() throws {
        let rig = try ServerRig(accessInterval: .milliseconds(300))
        let ended = Mutex<String?>(nil)
        let client = try RemoteDataSource(socketPath: rig.socketPath) { reason in ended.withLock { $0 = reason } }
        defer { client.close(); rig.server.stop() }
        let before = try client.report(for: nil, asOf: Date())
        #expect(client.pollForChange() == .unchanged)

        // A commit in place (the sqlite3 CLI as the replicator): the console hears of it.
        try SQLiteCLI.execute(rig.snapshot.path, script: "UPDATE devices SET status = 'broken' WHERE status = 'working';")
        #expect(ServerRig.eventually { client.pollForChange() == .changed }, "the change was pushed")
        let after = try client.report(for: nil, asOf: Date())
        #expect(after.figures.devices != before.figures.devices)

        // Narrowed to one commune: the root is now that commune, the rest is outside.
        let commune = rig.communes[0]
        rig.override.withLock { $0 = .granted(ServerRig.grant("province", unit: commune.code)) }
        #expect(ServerRig.eventually { client.pollForChange() == .changed }, "the narrowing was pushed")
        #expect(client.welcome.scopeLabel == "province: \(commune.code)")
        #expect(try client.report(for: nil, asOf: Date()).path.first?.code == commune.code)

        // Revoked: the session ends with the reason, and the connection is gone on the server.
        rig.override.withLock { $0 = .refused("no entry for province in the access file") }
        #expect(ServerRig.eventually {
            if case .failed = client.pollForChange() { return ended.withLock { $0 } != nil }
            return false
        })
        #expect(ended.withLock { $0 }?.contains("no entry for province") == true)
        #expect(ServerRig.eventually { rig.server.connectionCount == 0 })
        #expect(throws: RemoteError.self) { try client.report(for: nil, asOf: Date()) }
    }

    @Test func aChangeSeenWhileAWriterHoldsItsLockIsShownOnceTheLockIsGone() throws {
        let rig = try ServerRig()
        let client = try RemoteDataSource(socketPath: rig.socketPath)
        defer { client.close(); rig.server.stop() }
        let before = try client.report(for: nil, asOf: Date())
        // The sqlite3 CLI commits a change, then holds the exclusive lock for 2 s (a replicator's next batch): the
        // server's poll meets the lock while checking the change, then nothing changes any more.
        let sqlite = try ExternalTool.require("sqlite3")
        let path = rig.snapshot.path
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? ProcessRunner.run(sqlite, [path], stdin: """
                UPDATE devices SET status = 'broken' WHERE status = 'working';
                BEGIN EXCLUSIVE;
                UPDATE meta SET value = 'held' WHERE key = 'province_name';
                .system sleep 2
                ROLLBACK;
                """, timeout: 30)
            finished.signal()
        }
        #expect(ServerRig.eventually {
            if case .failed(let reason) = client.pollForChange() { return reason.contains("locked by a writer") }
            return false
        }, "the console is told the snapshot is busy")
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(ServerRig.eventually { client.pollForChange() == .changed }, "and then that it changed")
        #expect(try client.report(for: nil, asOf: Date()).figures.devices != before.figures.devices)
    }

    @Test func aStoppedServerReadsAsReconnectingAndARestartRecovers() throws {
        let rig = try ServerRig()
        let client = try RemoteDataSource(socketPath: rig.socketPath)
        defer { client.close() }
        let before = try client.report(for: nil, asOf: Date())
        rig.server.stop()
        #expect(ServerRig.eventually {
            if case .failed(let reason) = client.pollForChange() { return reason.contains("reconnecting") }
            return false
        })
        #expect(throws: RemoteError.self) { try client.report(for: nil, asOf: Date()) }
        let source = try rig.inProcess(scope: nil)
        let again = try DashboardServer(engine: ServedEngine(source: source, clock: { ServerRig.asOf }),
                                        socketPath: rig.socketPath) { _ in
            .granted(AccessGrant(user: "province", scope: nil, exportDirectory: nil, matchedBy: ["test"]))
        }
        defer { again.stop() }
        #expect(ServerRig.eventually { client.pollForChange() == .changed }, "reconnected by itself")
        #expect(try client.report(for: nil, asOf: Date()) == before)
    }
}
