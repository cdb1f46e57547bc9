import ReportModel
import ConsoleCore
import Dispatch
import Foundation

/// Runs the console: reads input, applies actions, renders, and does data work on a background queue.
///
/// Loads run one at a time on a serial queue; their results come back as actions tagged with a
/// generation, and `AppState.update` drops stale ones. The UI thread never waits for the database.
public final class ConsoleRuntime {
    private let backend: TerminalBackend
    private let source: DashboardDataSource
    private let themes: [Theme]
    private let clock: @Sendable () -> Date
    private let worker = DispatchQueue(label: "eduioc.data")
    /// The wall's check-in curve reads a morning of rows for three days (seconds on a full-year province): on its own
    /// queue, so it never holds up a refresh on `worker`.
    private let curveWorker = DispatchQueue(label: "eduioc.check-in")
    private let inbox = ActionInbox()
    private(set) public var state: AppState
    private var needsRender = true

    /// Creates a runtime; `themes` must be in the same order as `state.themeNames`.
    public init(backend: TerminalBackend, source: DashboardDataSource, themes: [Theme], state: AppState,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.backend = backend
        self.source = source
        self.themes = themes
        self.state = state
        self.clock = clock
    }

    /// A closure that asks the loop to end at its next turn; safe to call from any thread (e.g. a signal source).
    public var stopRequester: @Sendable () -> Void {
        let inbox = self.inbox
        return { inbox.requestStop() }
    }

    /// Runs until the user quits or `requestStop` is called.
    public func run() {
        state.size = backend.size
        perform(state.requestLoad())
        render()
        var lastSecond = Int(clock().timeIntervalSince1970)
        while !state.shouldQuit && !inbox.stopRequested {
            if let event = backend.nextEvent(timeoutMilliseconds: 100) {
                dispatch(Self.action(for: event))
            }
            for action in inbox.drain() {
                dispatch(action)
            }
            let now = clock()
            let second = Int(now.timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                tick(now)
                pollSnapshot()
            }
            if needsRender { render() }
        }
    }

    /// Applies one action and starts the effects it asks for.
    public func dispatch(_ action: Action) {
        perform(state.update(action))
        needsRender = true
    }

    /// Advances the clock; redraws only when a time shown on screen (HH:MM, the data age in minutes) moved,
    /// so an idle console builds no frames between minutes.
    private func tick(_ now: Date) {
        let shown = Self.shownTime(state)
        perform(state.update(.tick(now)))
        if Self.shownTime(state) != shown { needsRender = true }
    }

    /// The minute of the clock (the second on the wall) and the minutes since publication, the loading note, the
    /// wall's page and whether changes are still highlighted: what the screen shows of time. Nothing else that
    /// time moves is drawn, so an idle console writes nothing between minutes and an idle wall only its clock.
    static func shownTime(_ state: AppState) -> [Int] {
        let unit: Double = state.wall == nil ? 60 : 1
        let clock = Int((state.now.timeIntervalSince1970 / unit).rounded(.down))
        let age = state.report?.publishedAt.map { Int((state.now.timeIntervalSince($0) / 60).rounded(.down)) } ?? 0
        return [clock, age, state.showsLoading ? 1 : 0, state.wall?.page.rawValue ?? -1, state.isHighlighting ? 1 : 0]
    }

    private static func action(for event: InputEvent) -> Action {
        switch event {
        case .key(let key): return .key(key)
        case .mouse(let mouse): return .mouse(mouse)
        case .resize(let size): return .resize(size)
        }
    }

    private func render() {
        let theme = themes[safe: state.themeIndex] ?? themes.first ?? Theme(name: state.themeName)
        backend.present(DashboardRenderer.render(state, capabilities: backend.capabilities), theme: theme)
        needsRender = false
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .load(let node, let generation): load(node, generation)
            case .resolveJump(let target): resolve(target)
            case .loadSearchIndex: loadSearchIndex()
            case .export(let request): export(request)
            case .loadDataQuality: loadDataQuality()
            case .loadCheckIn(let node): loadCheckIn(node)
            }
        }
    }

    private func load(_ node: NodeRef?, _ generation: Int) {
        let source = self.source, clock = self.clock, inbox = self.inbox
        worker.async {
            let revision = source.scopeRevision
            let action: Action
            do {
                let report = try source.report(for: node, asOf: clock())
                action = .reportLoaded(generation: generation, ReportSanitizer.clean(report))
            } catch DashboardDataError.notInYourArea(let code) {
                action = .notInYourArea(TextSanitizer.sanitize(code))
            } catch let error as DashboardDataError {
                action = .showMessage(TextSanitizer.sanitize(error.description))
            } catch {
                action = .snapshotFailed(generation: generation, reason: TextSanitizer.sanitize(String(describing: error)),
                                         at: clock())
            }
            inbox.post(.scoped(revision: revision, action))
        }
    }

    private func resolve(_ target: JumpTarget) {
        let source = self.source, inbox = self.inbox
        worker.async {
            let revision = source.scopeRevision
            let action: Action
            do {
                action = .navigate(to: ReportSanitizer.clean(try source.resolve(target)))
            } catch DashboardDataError.notInYourArea(let code) {
                action = .notInYourArea(TextSanitizer.sanitize(code))
            } catch DashboardDataError.noSuchNode(let text) {
                action = .noSuchNode(TextSanitizer.sanitize(text))
            } catch {
                action = .showMessage(TextSanitizer.sanitize(String(describing: error)))
            }
            inbox.post(.scoped(revision: revision, action))
        }
    }

    /// Checks the rows left out of the figures on the worker queue (a pass over the trend's days: seconds on a
    /// large province) and reports back, names sanitised.
    private func loadDataQuality() {
        let source = self.source, clock = self.clock, inbox = self.inbox
        worker.async {
            let revision = source.scopeRevision
            do {
                let report = ReportSanitizer.clean(try source.dataQuality(asOf: clock()))
                inbox.post(.scoped(revision: revision, .dataQualityLoaded(report)))
            } catch {
                inbox.post(.scoped(revision: revision, .showMessage(TextSanitizer.sanitize(String(describing: error)))))
            }
        }
    }

    /// Reads the wall's check-in curve on its own queue; a failure leaves the wall without it.
    private func loadCheckIn(_ node: NodeRef?) {
        let source = self.source, clock = self.clock, inbox = self.inbox
        curveWorker.async {
            let revision = source.scopeRevision
            let curve = try? source.checkInCurve(for: node, asOf: clock())
            inbox.post(.scoped(revision: revision, .checkInLoaded(code: node?.code, curve.map(ReportSanitizer.clean))))
        }
    }

    /// Reads the scope's search index on the worker queue; a failure leaves search to the table filter.
    private func loadSearchIndex() {
        let source = self.source, inbox = self.inbox
        worker.async {
            let revision = source.scopeRevision
            guard let index = try? source.searchIndex() else { return }
            inbox.post(.scoped(revision: revision, .searchIndexLoaded(ReportSanitizer.clean(index))))
        }
    }

    /// Writes an export on the worker queue (never on the UI thread) and reports back.
    private func export(_ request: TableExport) {
        let inbox = self.inbox
        worker.async {
            do {
                let path = try TableExportWriter.write(request)
                inbox.post(.exportFinished(.written(path: TextSanitizer.sanitize(path), rows: request.rowCount)))
            } catch {
                inbox.post(.exportFinished(.failed(TextSanitizer.sanitize(String(describing: error)))))
            }
        }
    }

    /// Once a second: ask the watcher (off the UI thread) whether the snapshot changed.
    private func pollSnapshot() {
        guard inbox.beginPoll() else { return }
        let source = self.source, clock = self.clock, inbox = self.inbox
        let retrying = state.problem != nil
        let shownRevision = state.scopeRevision
        worker.async {
            let result = source.pollForChange()
            inbox.endPoll()
            if var change = source.accessChange, change.revision != shownRevision {
                change.scopeLabel = change.scopeLabel.map(TextSanitizer.sanitize)
                inbox.post(.accessChanged(change))
            }
            switch result {
            case .unchanged where retrying: inbox.post(.retryLoad)
            case .unchanged: break
            case .changed:
                inbox.post(.snapshotChanged)
            case .failed(let reason):
                inbox.post(.snapshotFailed(generation: nil, reason: TextSanitizer.sanitize(reason), at: clock()))
            }
        }
    }
}
