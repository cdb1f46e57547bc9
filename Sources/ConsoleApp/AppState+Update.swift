import ReportModel
import ConsoleCore
import Foundation

extension AppState {
    /// The one place state changes: applies `action` and returns the work the runtime must start.
    public mutating func update(_ action: Action) -> [Effect] {
        let effects = apply(action)
        refreshSearch()
        return effects
    }

    private mutating func apply(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key): return handleKey(key)
        case .mouse(let event): return handleMouse(event)
        case .resize(let newSize):
            size = newSize
            clampSelection()
            return []
        case .tick(let date): return tick(date)
        case .snapshotChanged:
            lastDataChange = now
            searchIndexWanted = true
            return paused ? [] : requestLoad()
        case .retryLoad:
            searchIndexWanted = true
            return paused ? [] : requestLoad()
        case .reportLoaded(let generation, let newReport): return acceptReport(newReport, generation: generation)
        case .searchIndexLoaded(let index):
            searchIndex = index
            searchIndexVersion += 1
            return []
        case .noSuchNode(let text):
            message = "\(text): \(UIText.noSuchNode.in(language))"
            loading = false
            return []
        case .snapshotFailed(let generation, let reason, let date):
            if let generation {
                guard generation == requestedGeneration else { return [] }
                loading = false
            }
            if problem?.reason != reason { problem = SnapshotProblem(reason: reason, since: problem?.since ?? date) }
            return []
        case .showMessage(let text):
            message = text
            loading = false
            return []
        case .notInYourArea(let code):
            message = "\(code): \(UIText.notInYourArea.in(language))"
            loading = false
            return []
        case .navigate(let node):
            stack = [stack[0], NavigationEntry(node: node)]
            overlay = nil
            filterText = ""
            return enteredNewNode()
        case .exportFinished(.written(let path, let rows)):
            message = "\(UIText.exported.in(language)) \(rows) \(UIText.rowsWord.in(language)): \(path)"
            return []
        case .exportFinished(.failed(let reason)):
            message = "\(UIText.exportFailed.in(language)): \(reason)"
            return []
        case .checkInLoaded(let code, let curve): return acceptCheckIn(curve, code: code)
        case .dataQualityLoaded(let report):
            dataQuality = report
            if case .dataQuality = overlay { overlay = .dataQuality(selected: 0) }
            return []
        case .accessChanged(let change):
            guard change.revision != scopeRevision else { return [] }
            return changeAccess(change)
        case .scoped(let revision, let result):
            guard revision == scopeRevision else { return [] }
            return apply(result)
        }
    }

    /// Takes a loaded report when it answers the newest request: it replaces the screen's, notes what changed, and
    /// asks for the search index when the data changed since it was built.
    private mutating func acceptReport(_ newReport: NodeReport, generation: Int) -> [Effect] {
        guard generation == requestedGeneration else { return [] }
        let wallEffects = noteChanges(to: newReport)
        report = newReport
        if lastDataChange == nil { lastDataChange = now }  // the first data seen counts as a change
        loading = false
        loadingSince = nil
        problem = nil
        alignStackWithPath(newReport.path)
        clampSelection()
        guard searchIndexWanted else { return wallEffects }
        searchIndexWanted = false
        return [.loadSearchIndex] + wallEffects
    }

    /// Starts a load of the node on screen under a new generation.
    public mutating func requestLoad() -> [Effect] {
        requestedGeneration += 1
        if !loading || loadingSince == nil { loadingSince = now }
        loading = true
        return [.load(node: current.node, generation: requestedGeneration)]
    }

    // MARK: Keys

    private mutating func handleKey(_ key: Key) -> [Effect] {
        message = nil
        if let prompt { return handlePromptKey(key, prompt) }
        if let overlay { return handleOverlayKey(key, overlay) }
        guard let command = KeyMap.standard.command(for: key) else { return [] }
        return perform(command)
    }

    /// Runs a command from the key map on the dashboard.
    public mutating func perform(_ command: Command) -> [Effect] {
        if let effects = performWall(command) { return effects }
        switch command {
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -DashboardLayout(size: size).visibleRows)
        case .pageDown: moveSelection(by: DashboardLayout(size: size).visibleRows)
        case .moveFirst: moveSelection(to: 0)
        case .moveLast: moveSelection(to: table.rows.count - 1)
        case .drillDown: return drillIntoSelection()
        case .goUp:
            if !filterText.isEmpty {
                filterText = ""
                clampSelection()
                return []
            }
            return goUp()
        case .filter:
            prompt = .filter
            searchSelected = 0
        case .jump:
            prompt = .jump
            promptText = ""
            searchSelected = 0
        case .export: return requestExport()
        case .nextSortColumn:
            let columns = table.columns
            let index = columns.firstIndex(of: sort.column) ?? 0
            sort = SortOrder(column: columns[(index + 1) % columns.count], descending: sort.descending)
        case .reverseSort: sort.descending.toggle()
        case .showAlerts: overlay = .alerts(selected: 0)
        case .showDataQuality:
            overlay = .dataQuality(selected: 0)
            dataQuality = nil
            return [.loadDataQuality]
        case .nextTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            message = "\(UIText.themeNamed.in(language)): \(themeName)"
        case .toggleLanguage: language = language.toggled
        case .refresh: return requestLoad()
        case .togglePause:
            paused.toggle()
            return paused ? [] : requestLoad()
        case .showHelp:
            overlay = .help
            helpScroll = 0
        case .quit: shouldQuit = true
        case .toggleWall, .nextWallPage, .previousWallPage, .toggleRotation: break  // performWall
        }
        return []
    }

    /// `/` searches the whole scope (and filters the table as you type); `:` jumps, completing as you type.
    /// In both, ↑/↓ choose among the results and Enter goes to the chosen one; in `/`, Tab keeps the text as the
    /// table's filter instead; in `:`, Tab completes the chosen name or code.
    private mutating func handlePromptKey(_ key: Key, _ mode: PromptMode) -> [Effect] {
        let hits = searchHits
        switch (key, mode) {
        case (.escape, .filter):
            filterText = ""
            prompt = nil
        case (.escape, .jump):
            prompt = nil
        case (.enter, _) where !hits.isEmpty:
            let hit = hits[min(searchSelected, hits.count - 1)]
            prompt = nil
            filterText = ""
            return apply(.navigate(to: hit.node))
        case (.enter, .filter), (.tab, .filter):
            prompt = nil
        case (.enter, .jump):
            prompt = nil
            guard let target = JumpTarget(parsing: promptText) else {
                message = UIText.jumpHelp.in(language)
                return []
            }
            return [.resolveJump(target)]
        case (.tab, .jump):
            if let hit = hits[safe: searchSelected] { promptText = Self.completion(of: promptText, with: hit) }
            return []
        case (.up, _) where !hits.isEmpty, (.backTab, _) where !hits.isEmpty:
            searchSelected = max(0, searchSelected - 1)
            return []
        case (.down, _) where !hits.isEmpty:
            searchSelected = min(hits.count - 1, searchSelected + 1)
            return []
        case (.pageUp, _) where !hits.isEmpty:
            searchSelected = max(0, searchSelected - DashboardLayout(size: size).visibleRows)
            return []
        case (.pageDown, _) where !hits.isEmpty:
            searchSelected = min(hits.count - 1, searchSelected + DashboardLayout(size: size).visibleRows)
            return []
        case (.backspace, .filter):
            if filterText.isEmpty { prompt = nil } else { filterText.removeLast() }
        case (.backspace, .jump):
            if promptText.isEmpty { prompt = nil } else { promptText.removeLast() }
        case (.character(let c), .filter):
            filterText.append(c)
        case (.character(let c), .jump):
            promptText.append(c)
        case (.up, .filter): moveSelection(by: -1)
        case (.down, .filter): moveSelection(by: 1)
        case (.control("c"), _): shouldQuit = true
        default: break
        }
        searchSelected = 0
        if mode == .filter {
            current.selectedRow = 0
            current.scrollOffset = 0
        }
        return []
    }

    /// The `:` text completed with `hit`: the verb kept, the argument replaced by the hit's code, which `:` always
    /// resolves (names can repeat).
    static func completion(of text: String, with hit: SearchEntry) -> String {
        JumpQuery(text).verb + hit.node.code
    }

    private mutating func handleOverlayKey(_ key: Key, _ open: OpenOverlay) -> [Effect] {
        let command = KeyMap.standard.command(for: key)
        switch open {
        case .help:
            switch command {
            case .goUp, .showHelp, .quit, .drillDown: overlay = nil
            case .moveDown: helpScroll += 1
            case .moveUp: helpScroll = max(0, helpScroll - 1)
            case .pageDown: helpScroll += 10
            case .pageUp: helpScroll = max(0, helpScroll - 10)
            case .moveFirst: helpScroll = 0
            default: break
            }
            return []
        case .alerts(let selected):
            let alerts = sortedAlerts
            let count = alerts.count
            switch command {
            case .moveUp: overlay = .alerts(selected: max(0, selected - 1))
            case .moveDown: overlay = .alerts(selected: min(max(0, count - 1), selected + 1))
            case .moveFirst: overlay = .alerts(selected: 0)
            case .moveLast: overlay = .alerts(selected: max(0, count - 1))
            case .pageDown: overlay = .alerts(selected: min(max(0, count - 1), selected + 10))
            case .pageUp: overlay = .alerts(selected: max(0, selected - 10))
            case .drillDown:
                guard let alert = alerts[safe: selected], alert.node.level != .province else { return [] }
                overlay = nil
                return apply(.navigate(to: alert.node))
            case .goUp, .showAlerts, .quit: overlay = nil
            default: break
            }
            return []
        case .dataQuality(let selected):
            return handleDataQualityKey(command, selected: selected)
        }
    }

    /// Keys in the data-quality list: move, Enter goes to the school, `e` exports the list, Esc or `d` closes.
    private mutating func handleDataQualityKey(_ command: Command?, selected: Int) -> [Effect] {
        let entries = dataQuality?.entries ?? []
        let last = max(0, entries.count - 1)
        switch command {
        case .moveUp: overlay = .dataQuality(selected: max(0, selected - 1))
        case .moveDown: overlay = .dataQuality(selected: min(last, selected + 1))
        case .moveFirst: overlay = .dataQuality(selected: 0)
        case .moveLast: overlay = .dataQuality(selected: last)
        case .pageDown: overlay = .dataQuality(selected: min(last, selected + 10))
        case .pageUp: overlay = .dataQuality(selected: max(0, selected - 10))
        case .drillDown:
            guard let school = entries[safe: selected]?.school else { return [] }
            overlay = nil
            return update(.navigate(to: school))
        case .export:
            guard let exportDirectory else {
                message = UIText.exportNotAllowed.in(language)
                return []
            }
            guard let dataQuality, !dataQuality.entries.isEmpty, let root = stack.first?.node ?? report?.path.first else {
                message = UIText.exportEmpty.in(language)
                return []
            }
            return [.export(TableExport(directory: exportDirectory, node: root, level: .school, rows: [],
                                        language: language, timeZone: timeZone, at: now,
                                        dataQuality: dataQuality.entries))]
        case .goUp, .showDataQuality, .quit: overlay = nil
        default: break
        }
        return []
    }

    /// Asks the runtime to write the table as shown (filtered and sorted) to the export directory.
    private mutating func requestExport() -> [Effect] {
        guard let exportDirectory else {
            message = UIText.exportNotAllowed.in(language)
            return []
        }
        let shown = table
        guard let report, reportMatchesCurrent, !shown.rows.isEmpty else {
            message = UIText.exportEmpty.in(language)
            return []
        }
        return [.export(TableExport(directory: exportDirectory, node: report.figures.node, level: shown.level,
                                    rows: shown.rows, language: language, timeZone: timeZone, at: now))]
    }

    // MARK: Mouse

    private mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard overlay == nil, prompt == nil, wall == nil, !isTooSmall else { return [] }
        let body = DashboardLayout(size: size).tableBody
        switch event.kind {
        case .wheelUp: moveSelection(by: -3)
        case .wheelDown: moveSelection(by: 3)
        case .click, .doubleClick:
            guard body.contains(event.at) else { return [] }
            let row = current.scrollOffset + (event.at.y - body.y)
            guard row < table.rows.count else { return [] }
            moveSelection(to: row)
            if event.kind == .doubleClick { return drillIntoSelection() }
        }
        return []
    }

    // MARK: Navigation

    /// Drills into the selected row; the filter in use is kept with this level and restored on the way back.
    private mutating func drillIntoSelection() -> [Effect] {
        guard let child = table.rows[safe: current.selectedRow]?.node else { return [] }
        current.filter = filterText
        stack.append(NavigationEntry(node: child))
        filterText = ""
        return enteredNewNode()
    }

    /// Goes up one level, restoring that level's filter, selection and scroll.
    private mutating func goUp() -> [Effect] {
        guard stack.count > 1 else { return [] }
        stack.removeLast()
        filterText = current.filter
        return enteredNewNode()
    }

    /// The sort order is kept (a column the new table lacks sorts by name until it is back).
    private mutating func enteredNewNode() -> [Effect] {
        prompt = nil
        return requestLoad()
    }

    /// After a jump, rebuild the stack from the report's path so breadcrumbs and Esc work as after drilling.
    private mutating func alignStackWithPath(_ path: [NodeRef]) {
        guard path.count > 1 else { return }
        let wanted = path.dropFirst().map(\.code)
        let have = stack.dropFirst().compactMap { $0.node?.code }
        guard wanted != have, path.last?.code == current.node?.code else { return }
        stack = [stack[0]] + path.dropFirst().map { NavigationEntry(node: $0) }
    }

    // MARK: Selection

    private mutating func moveSelection(by delta: Int) { moveSelection(to: current.selectedRow + delta) }

    private mutating func moveSelection(to row: Int) {
        current.selectedRow = row
        clampSelection()
    }

    /// Keeps the selection inside the table and visible in the window.
    mutating func clampSelection() {
        let count = table.rows.count
        var entry = current
        entry.selectedRow = min(max(0, entry.selectedRow), max(0, count - 1))
        let visible = isTooSmall ? 1 : DashboardLayout(size: size).visibleRows
        if entry.selectedRow < entry.scrollOffset { entry.scrollOffset = entry.selectedRow }
        if entry.selectedRow >= entry.scrollOffset + visible { entry.scrollOffset = entry.selectedRow - visible + 1 }
        entry.scrollOffset = min(max(0, entry.scrollOffset), max(0, count - visible))
        current = entry
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
