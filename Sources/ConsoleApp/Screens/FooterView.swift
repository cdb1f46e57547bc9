import Analytics
import ConsoleCore

/// The two bottom lines: the most severe alerts, and the key hints (or the open prompt).
enum FooterView {
    /// Draws the alert strip and the hint bar.
    static func draw(_ state: AppState, layout: DashboardLayout, into buffer: inout CellBuffer, context: ScreenContext) {
        StyledLine(alertStrip(state, context), glyphs: context.glyphs).render(layout.alertStrip, into: &buffer)
        let bottom: [Span]
        if let prompt = state.prompt {
            bottom = promptLine(prompt, state, context)
        } else {
            bottom = hints(context, width: layout.hints.width)
        }
        StyledLine(bottom, fillStyle: CellStyle(.hint), glyphs: context.glyphs).render(layout.hints, into: &buffer)
    }

    static func alertStrip(_ state: AppState, _ context: ScreenContext) -> [Span] {
        guard let alerts = state.report?.alerts, !alerts.isEmpty else {
            return [Span(" " + (context.glyphs.isUnicode ? "✓ " : "") + context.t(.noAlerts), role: .ok)]
        }
        var spans = [Span(" \(ConnectivityLook.warning(context.glyphs)) ", role: .crit, bold: true)]
        for (index, alert) in alerts.prefix(6).enumerated() {
            if index > 0 { spans.append(Span(" · ", role: .dim)) }
            spans.append(Span(alert.node.name + ": ", role: .normal, bold: true))
            spans.append(Span(AlertText.describe(alert, context), role: AlertText.role(alert)))
        }
        return spans
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
            return [Span(" / \(context.t(.filterPrompt)): ", role: .key, bold: true), Span(state.filterText + cursor, role: .normal),
                    Span(count == 0 ? "  " + context.t(.noMatch) : "  (\(count))", role: count == 0 ? .warn : .dim)]
        case .jump:
            return [Span(" : \(context.t(.jumpPrompt)): ", role: .key, bold: true), Span(state.promptText + cursor, role: .normal),
                    Span("   " + context.t(.jumpHelp), role: .dim)]
        }
    }
}
