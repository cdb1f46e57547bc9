import Analytics
import ConsoleApp
import ConsoleWire
import Foundation
import ReportModel
import SnapshotSource
import Synchronization

/// The server's one engine: a single `SnapshotDataSource` (the only opener of the snapshot, with its caches and
/// summaries), a snapshot generation that moves on every change, and a memo so each (node, generation) report is
/// computed once and served to every console whose scope holds the node (cut to it; see `report(for:scope:)`). Work is serialised: one computation at a
/// time, so fifty consoles asking for the same dashboard cost one computation and fifty copies.
public final class ServedEngine: Sendable {
    /// What a memo entry answers.
    enum Question: Hashable, Sendable {
        case report(NodeRef?)
        case dataQuality
        case searchIndex

        /// Only level and code name a node (a report's names come from the snapshot): a console cannot grow the
        /// memo, or force computations, by sending the same node under many names.
        var key: Question {
            guard case .report(let node?) = self else { return self }
            return .report(NodeRef(level: node.level, code: node.code, name: ""))
        }
    }

    struct Key: Hashable, Sendable {
        var question: Question
        var scope: Scope?
        var generation: Int
    }

    enum Answer: Sendable {
        /// The report and its JSON, encoded once for every console that gets it.
        case report(NodeReport, json: [UInt8])
        case dataQuality(DataQualityReport)
        /// The compact index's JSON (`WireSearchIndex`) and its digest, encoded once for every console that gets it.
        case searchIndex(json: [UInt8], digest: String)
    }

    private struct State: Sendable {
        var generation = 0
        var problem: String?
        var memo: [Key: (answer: Result<Answer, WireError>, at: ContinuousClock.Instant)] = [:]
    }

    private let source: SnapshotDataSource
    private let state = Mutex(State())
    /// How long an answer is served from the memo within one generation (time-dependent figures — devices seen in
    /// the last 15 minutes, probes' age — move with the clock even when the data does not).
    private let lifetime: Duration
    /// At most this many answers are kept; beyond it the memo starts over.
    private static let capacity = 4096
    /// Counts computations (tests and the bench read it to show that answers are shared).
    private let computed = Atomic<Int>(0)
    /// The as-of of every answer: this server's clock (tests inject a fixed instant).
    private let clock: @Sendable () -> Date

    /// Serves `source` (opened by the caller, unscoped); answers live at most `lifetime` within a generation.
    public init(source: SnapshotDataSource, lifetime: Duration = .seconds(10), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.source = source
        self.lifetime = lifetime
        self.clock = clock
    }

    /// The province's time zone.
    public var timeZone: TimeZone { source.timeZone }

    /// The current generation and the snapshot's problem, if any.
    public var status: (generation: Int, problem: String?) { state.withLock { ($0.generation, $0.problem) } }

    /// How many answers were computed (not served from the memo) so far.
    public var computations: Int { computed.load(ordering: .relaxed) }

    /// Looks at the snapshot; on a change (or a new problem, or recovery) moves the generation and returns true.
    public func poll() -> Bool {
        state.withLock { state in
            var poll = source.pollForChange()
            // After a failure (a writer's lock met while checking a change), nothing changes again: check it now,
            // or every console would keep the banner until the next commit.
            if poll == .unchanged, state.problem != nil { poll = source.recheck() }
            switch poll {
            case .unchanged:
                return false
            case .changed:
                state.generation += 1
                state.problem = nil
                state.memo.removeAll()
                return true
            case .failed(let reason):
                guard state.problem != reason else { return false }
                state.generation += 1
                state.problem = reason
                state.memo.removeAll()
                return true
            }
        }
    }

    /// The report of `node` for `scope`, from the memo when this generation already computed it. A node wholly
    /// inside the scope (a listed commune, a school, a class) is the unscoped report with its breadcrumb cut at the
    /// scope's root, so every scope that holds it shares one computation; the scope's partial nodes (the province
    /// above several listed units) are computed within the scope.
    public func report(for node: NodeRef?, scope: Scope?) -> Result<[UInt8], WireError> {
        state.withLock { state in
            if scope != nil, let whole = (try? source.wholeNode(for: node, scope: scope)) ?? nil {
                let shared = lookup(&state, .report(whole.node), scope: nil) {
                    try Self.encoded(try self.source.report(for: whole.node, asOf: self.clock(), scope: nil))
                }
                guard case .success(.report(var report, _)) = shared else { return Self.json(shared) }
                report.path = whole.cut(report.path)
                // The cut copy is remembered per scope too (no computation: one encoding per scope, not per console).
                return Self.json(lookup(&state, .report(node), scope: scope, counts: false) { try Self.encoded(report) })
            }
            return Self.json(lookup(&state, .report(node), scope: scope) {
                try Self.encoded(try self.source.report(for: node, asOf: self.clock(), scope: scope))
            })
        }
    }

    private static func encoded(_ report: NodeReport) throws -> Answer {
        .report(report, json: Array(try JSONEncoder().encode(report)))
    }

    private static func json(_ result: Result<Answer, WireError>) -> Result<[UInt8], WireError> {
        result.flatMap { if case .report(_, let json) = $0 { .success(json) } else { .failure(.snapshot("internal mix-up")) } }
    }

    /// The data-quality list for `scope`.
    public func dataQuality(scope: Scope?) -> Result<DataQualityReport, WireError> {
        answer(.dataQuality, scope: scope) { .dataQuality(try self.source.dataQuality(asOf: self.clock(), scope: scope)) }
            .flatMap { if case .dataQuality(let list) = $0 { .success(list) } else { .failure(.snapshot("internal mix-up")) } }
    }

    /// The search index for `scope`: its JSON (`WireSearchIndex`) and digest.
    public func searchIndex(scope: Scope?) -> Result<(json: [UInt8], digest: String), WireError> {
        answer(.searchIndex, scope: scope) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys  // the same index, the same bytes, the same digest
            let json = Array(try encoder.encode(WireSearchIndex(try self.source.searchIndex(scope: scope))))
            return .searchIndex(json: json, digest: WireDigest.of(json))
        }
        .flatMap { answer -> Result<(json: [UInt8], digest: String), WireError> in
            guard case .searchIndex(let json, let digest) = answer else { return .failure(.snapshot("internal mix-up")) }
            return .success((json, digest))
        }
    }

    /// The wall's check-in curve for `scope`, computed outside the memo's lock and not memoised: a wall asks once a
    /// minute, and the first curve after a start reads the comparison days once (seconds) without holding back any
    /// other console's answer.
    public func checkInCurve(for node: NodeRef?, scope: Scope?) -> Result<CheckInCurve, WireError> {
        do {
            return .success(try source.checkInCurve(for: node, asOf: clock(), scope: scope))
        } catch {
            return .failure(WireError(error))
        }
    }

    /// Resolves a jump for `scope` (cheap: not memoised).
    public func resolve(_ target: JumpTarget, scope: Scope?) -> Result<NodeRef, WireError> {
        state.withLock { _ in
            do {
                return .success(try source.resolve(target, scope: scope))
            } catch {
                return .failure(WireError(error))
            }
        }
    }

    private func answer(_ question: Question, scope: Scope?,
                        compute: () throws -> Answer) -> Result<Answer, WireError> {
        state.withLock { state in lookup(&state, question, scope: scope, compute: compute) }
    }

    /// The memo's answer for this generation, or `compute`'s (remembered), under the caller's lock.
    private func lookup(_ state: inout State, _ question: Question, scope: Scope?, counts: Bool = true,
                        compute: () throws -> Answer) -> Result<Answer, WireError> {
        let key = Key(question: question.key, scope: scope, generation: state.generation)
        let now = ContinuousClock.now
        if let hit = state.memo[key], hit.at.duration(to: now) < lifetime { return hit.answer }
        let result: Result<Answer, WireError>
        do {
            result = .success(try compute())
        } catch {
            result = .failure(WireError(error))
        }
        if counts { computed.add(1, ordering: .relaxed) }
        if state.memo.count >= Self.capacity { state.memo.removeAll() }
        // A busy snapshot (a writer's lock) is retried by the next request, not remembered.
        if case .failure(.snapshot) = result { return result }
        state.memo[key] = (result, now)
        return result
    }
}
