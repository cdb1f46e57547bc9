import ReportModel
import ConsoleCore
import Foundation

/// The operations-centre wall: header with a seconds clock and "updated at", the page indicator, the headline
/// tiles, the page on screen and the key hints. A pure function of state, like the console.
enum WallRenderer {
    /// Draws the whole wall frame into `buffer`.
    static func draw(_ state: AppState, into buffer: inout CellBuffer, context: ScreenContext) {
        let layout = WallLayout(size: state.size)
        drawHeader(state, layout: layout, into: &buffer, context: context)
        StyledLine(HeaderView.statusLine(state, context), glyphs: context.glyphs).render(layout.status, into: &buffer)
        StyledLine(pageBar(state, context, width: layout.pageBar.width), glyphs: context.glyphs)
            .render(layout.pageBar, into: &buffer)
        WallTiles.draw(state, layout: layout, into: &buffer, context: context)
        switch state.wall?.page ?? .overview {
        case .overview: WallOverviewPage.draw(state, in: layout.body, into: &buffer, context: context)
        case .ranking: WallListPages.drawRanking(state, in: layout.body, into: &buffer, context: context)
        case .notReported: WallListPages.drawNotReported(state, in: layout.body, into: &buffer, context: context)
        case .offline: WallListPages.drawOffline(state, in: layout.body, into: &buffer, context: context)
        case .alerts: WallAlertsPage.draw(state, in: layout.body, into: &buffer, context: context)
        }
        StyledLine(footer(state, context, width: layout.footer.width), fillStyle: CellStyle(.hint), glyphs: context.glyphs)
            .render(layout.footer, into: &buffer)
    }

    /// " EduIOC │ Tỉnh … · Màn hình điều hành" and, on the right, alert counts, the clock with seconds and
    /// "cập nhật lúc HH:MM:SS" (in the stale colours when the data is old).
    private static func drawHeader(_ state: AppState, layout: WallLayout, into buffer: inout CellBuffer,
                                   context: ScreenContext) {
        let headerStyle = CellStyle(.header)
        var right = HeaderView.alertCounts(state, context)
        let lang = context.language
        right.append(Span(" " + Formats.clockSeconds(context.now, context.timeZone) + " ", role: .header, bold: true))
        if let updated = state.report?.publishedAt ?? state.lastDataChange {
            let text = " \(WallText.updatedAt.in(lang)) \(Formats.clockSeconds(updated, context.timeZone)) "
            right.append(Span(context.glyphs.vertical, role: .header))
            if let staleness = state.staleness {
                right.append(Span(text, style: CellStyle(state.problem != nil ? .stale : AlertText.role(staleness),
                                                         bold: true, reverse: true)))
            } else {
                right.append(Span(text, role: .header))
            }
        }
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let leftRect = Rect(x: 0, y: layout.header.y, width: max(0, layout.header.width - rightWidth), height: 1)
        let place = state.report?.figures.node.name ?? context.t(.province)
        StyledLine([Span(" EduIOC ", role: .header, bold: true), Span(context.glyphs.vertical + " ", role: .header),
                    Span(place, role: .header, bold: true), Span(" · " + WallText.wallTitle.in(lang), role: .header)],
                   fillStyle: headerStyle, glyphs: context.glyphs).render(leftRect, into: &buffer)
        StyledLine(right, alignment: .right, fillStyle: headerStyle, glyphs: context.glyphs)
            .render(Rect(x: leftRect.maxX, y: layout.header.y, width: rightWidth, height: 1), into: &buffer)
    }

    /// "Trang 2/5  1 Tổng quan  [2 Xếp hạng…]  3 …" with the page on screen marked, then the rotation state.
    static func pageBar(_ state: AppState, _ context: ScreenContext, width: Int) -> [Span] {
        let lang = context.language
        let current = state.wall?.page ?? .overview
        var spans = [Span(" \(WallText.pageWord.in(lang)) \(current.rawValue + 1)/\(WallPage.allCases.count) ", role: .title, bold: true)]
        // Every page named when they fit; else the others shrink to their numbers, so the current one always shows.
        let named = WallPage.allCases.reduce(0) { $0 + DisplayWidth.of(" \($1.rawValue + 1) \(title($1, lang)) ") }
        let short = named + DisplayWidth.of(spans[0].text) > width
        for page in WallPage.allCases {
            let label = page == current || !short ? " \(page.rawValue + 1) \(title(page, lang)) " : " \(page.rawValue + 1) "
            spans.append(page == current ? Span(label, role: .selected, bold: true) : Span(label, role: .dim))
        }
        let rotation: String
        if let wall = state.wall, let seconds = wall.rotateSeconds {
            rotation = wall.rotationPaused ? WallText.rotationPaused.in(lang)
                : WallText.rotateEvery.in(lang).replacingOccurrences(of: "%@", with: "\(seconds)")
        } else {
            rotation = WallText.noRotation.in(lang)
        }
        let used = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let room = width - used - DisplayWidth.of(rotation) - 1
        if room >= 2 { spans.append(Span(String(repeating: " ", count: room) + rotation + " ", role: .dim)) }
        return spans
    }

    /// A page's title.
    static func title(_ page: WallPage, _ language: Language) -> String {
        switch page {
        case .overview: return WallText.pageOverview.in(language)
        case .ranking: return WallText.pageRanking.in(language)
        case .notReported: return WallText.pageNotReported.in(language)
        case .offline: return WallText.pageOffline.in(language)
        case .alerts: return WallText.pageAlerts.in(language)
        }
    }

    /// The message when there is one, else the wall's keys from the key map.
    private static func footer(_ state: AppState, _ context: ScreenContext, width: Int) -> [Span] {
        if let message = state.message { return [Span(" " + message, role: .warn, bold: true)] }
        let lang = context.language
        let hints = [KeyHintsBar.Hint("Space", WallText.hintPause.in(lang)), KeyHintsBar.Hint("]/[", WallText.hintPage.in(lang)),
                     KeyHintsBar.Hint("w", WallText.hintConsole.in(lang)), KeyHintsBar.Hint("a", context.t(.hintAlerts)),
                     KeyHintsBar.Hint("?", context.t(.hintHelp)), KeyHintsBar.Hint("q", context.t(.hintQuit)),
                     KeyHintsBar.Hint("t", context.t(.hintTheme)), KeyHintsBar.Hint("L", context.t(.hintLanguage))]
        return [Span(" ", role: .hint)] + KeyHintsBar(hints).spans(width: width - 1)
    }
}
