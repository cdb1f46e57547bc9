import ReportModel
import ConsoleCore

/// The two bottom lines: the most severe alerts, and the key hints (or the open prompt). A message takes the
/// bottom lines beside the prompt, word-wrapped onto the alert line when it is long, never cut mid-word.
enum FooterView {
    /// Draws the alert strip and the hint bar.
    static func draw(_ state: AppState, layout: DashboardLayout, into buffer: inout CellBuffer, context: ScreenContext) {
        if let message = state.message, state.prompt == nil {
            let lines = MessageWrap.lines(" " + message, width: layout.hints.width, maxLines: 2)
            let strip = lines.count > 1 ? lines[0] : nil
            let bottom = lines.last ?? ""
            StyledLine(strip.map { [Span($0, role: .warn, bold: true)] } ?? alertStrip(state, context, width: layout.alertStrip.width),
                       glyphs: context.glyphs).render(layout.alertStrip, into: &buffer)
            StyledLine([Span(bottom, role: .warn, bold: true)], fillStyle: CellStyle(.hint), glyphs: context.glyphs)
                .render(layout.hints, into: &buffer)
            return
        }
        StyledLine(alertStrip(state, context, width: layout.alertStrip.width), glyphs: context.glyphs)
            .render(layout.alertStrip, into: &buffer)
        let bottom: [Span]
        if let prompt = state.prompt {
            bottom = promptLine(prompt, state, context)
        } else {
            bottom = hints(context, width: layout.hints.width)
        }
        StyledLine(bottom, fillStyle: CellStyle(.hint), glyphs: context.glyphs).render(layout.hints, into: &buffer)
    }

    /// The ticker: as many whole alerts as fit, most severe and longest first, then "+ N nữa" for the rest.
    static func alertStrip(_ state: AppState, _ context: ScreenContext, width: Int) -> [Span] {
        let alerts = state.sortedAlerts
        guard !alerts.isEmpty else {
            return [Span(" " + (context.glyphs.isUnicode ? "✓ " : "") + context.t(.noAlerts), role: .ok)]
        }
        var spans: [Span] = [Span(" ")]
        var used = 1
        var shown = 0
        for alert in alerts {
            func makeItem(_ subject: String) -> [Span] {
                [Span(AlertText.glyph(alert.severity, context.glyphs) + " ", role: AlertText.role(alert), bold: true),
                 Span(subject + ": ", role: .normal, bold: true),
                 Span(AlertText.describe(alert, context), role: AlertText.role(alert))]
            }
            let separator = shown > 0 ? [Span("  ", role: .dim)] : []
            let rest = alerts.count - shown - 1
            let moreWidth = rest > 0 ? DisplayWidth.of(more(rest, context)) : 0
            var item = makeItem(AlertText.subject(alert, context))
            if shown == 0, used + item.reduce(0, { $0 + DisplayWidth.of($1.text) }) + moreWidth > width {
                item = makeItem(alert.node.name)  // short of room: the school without its commune
            }
            let itemWidth = (separator + item).reduce(0) { $0 + DisplayWidth.of($1.text) }
            guard used + itemWidth + moreWidth <= width || shown == 0 else { break }
            if used + itemWidth + moreWidth > width, let last = item.popLast() {
                // The first alert alone is too long: cut its description so the count of the others still shows.
                let room = width - used - moreWidth - (item + separator).reduce(0) { $0 + DisplayWidth.of($1.text) }
                item.append(Span(DisplayText.truncate(last.text, to: max(0, room), ellipsis: context.glyphs.ellipsis),
                                 style: last.style))
            }
            spans += separator + item
            used += itemWidth
            shown += 1
        }
        if shown < alerts.count { spans.append(Span(more(alerts.count - shown, context), role: .accent, bold: true)) }
        return spans
    }

    private static func more(_ count: Int, _ context: ScreenContext) -> String {
        "  + \(Formats.count(count, context.language)) \(context.t(.moreWord))"
    }

    /// The hint bar from the key map, most useful first, so the least useful hints give way on narrow screens.
    static func hints(_ context: ScreenContext, width: Int) -> [Span] {
        let priority: [Command] = [.drillDown, .goUp, .filter, .jump, .showHelp, .quit, .nextSortColumn, .showAlerts,
                                   .nextTheme, .toggleLanguage]
        let hints = KeyMap.standard.hintBindings
            .sorted { (priority.firstIndex(of: $0.command) ?? 99) < (priority.firstIndex(of: $1.command) ?? 99) }
            .map { KeyHintsBar.Hint($0.label, $0.hint?.in(context.language) ?? "") }
        return [Span(" ", role: .hint)] + KeyHintsBar(hints).spans(width: width - 1)
    }

    static func promptLine(_ prompt: PromptMode, _ state: AppState, _ context: ScreenContext) -> [Span] {
        let cursor = context.glyphs.isUnicode ? "▏" : "_"
        switch prompt {
        case .filter:
            let count = state.table.rows.count
            let hits = state.searchIndex == nil ? nil : state.searchHits.count
            let note: Span
            if let hits, !state.filterText.isEmpty {
                note = Span("  (\(Formats.count(hits, context.language)) \(context.t(.resultsWord)))  \(context.t(.searchKeys))",
                            role: hits == 0 ? .warn : .dim)
            } else {
                note = Span(count == 0 ? "  " + context.t(.noMatch) : "  (\(count))", role: count == 0 ? .warn : .dim)
            }
            return [Span(" / \(context.t(.filterPrompt)): ", role: .key, bold: true),
                    Span(state.filterText + cursor, role: .normal), note]
        case .jump:
            var spans = [Span(" : \(context.t(.jumpPrompt)): ", role: .key, bold: true), Span(state.promptText, role: .normal)]
            let hits = state.searchHits
            if let hit = hits[safe: state.searchSelected] {
                let ghost = ghostCompletion(state.promptText, hit)
                spans.append(Span(cursor, role: .normal))
                if !ghost.isEmpty { spans.append(Span(ghost, role: .dim)) }
                spans.append(Span("   " + context.t(.jumpKeys), role: .dim))
            } else {
                spans.append(Span(cursor, role: .normal))
                spans.append(Span("   " + context.t(.jumpHelp), role: .dim))
            }
            return spans
        }
    }

    /// What Tab would add after the typed text, when the chosen hit's code or name continues it.
    static func ghostCompletion(_ text: String, _ hit: SearchEntry) -> String {
        let argument = JumpQuery(text).argument
        guard !argument.isEmpty else { return "" }
        let folded = SearchKey.fold(argument)
        for candidate in [hit.node.code, hit.node.name] where candidate.count > argument.count {
            if SearchKey.fold(String(candidate.prefix(argument.count))) == folded {
                return String(candidate.dropFirst(argument.count))
            }
        }
        return ""
    }
}
