import ReportModel
import ConsoleCore

/// The wall's headline tiles: a big number, its ▲/▼ delta since the last change (highlighted for a few seconds)
/// and one line of detail.
enum WallTiles {
    /// Draws every tile of `layout`.
    static func draw(_ state: AppState, layout: WallLayout, into buffer: inout CellBuffer, context: ScreenContext) {
        for (figure, rect) in zip(layout.figures, layout.tiles) {
            let inner = buffer.drawBox(rect, glyphs: context.glyphs, title: title(figure, context.language))
            guard inner.width > 2, inner.height > 0 else { continue }
            let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
            guard let figures = state.report?.figures, state.reportMatchesCurrent else {
                buffer.put(context.t(.loading), at: Point(x: area.x, y: area.y), width: area.width, alignment: .center,
                           style: CellStyle(.dim))
                continue
            }
            let value = valueText(figure, figures, context.language)
            let role = valueRole(figure, figures, context)
            let deltaSpan = context.delta(figure)
            let detail = StyledLine(detailSpans(figure, figures, state, context), alignment: .center, glyphs: context.glyphs)
            if area.height >= 5 {
                let numberArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 2)
                BigNumber(value, role: role, alignment: .center, glyphs: context.glyphs, maximumScale: layout.numberScale)
                    .render(numberArea, into: &buffer)
                StyledLine(deltaSpan.map { [$0] } ?? [], alignment: .center, glyphs: context.glyphs)
                    .render(Rect(x: area.x, y: area.maxY - 2, width: area.width, height: 1), into: &buffer)
                detail.render(Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), into: &buffer)
            } else {
                var first = [Span(value, role: role, bold: true)]
                if let deltaSpan { first += [Span("  "), deltaSpan] }
                StyledLine(first, alignment: .center, glyphs: context.glyphs)
                    .render(Rect(x: area.x, y: area.y, width: area.width, height: 1), into: &buffer)
                if area.height > 1 { detail.render(Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), into: &buffer) }
            }
        }
    }

    /// The tile's title.
    static func title(_ figure: HeadlineFigure, _ language: Language) -> String {
        switch figure {
        case .attendanceRate: return WallText.tileRate.in(language)
        case .shareReported: return WallText.tileReported.in(language)
        case .schoolsReporting: return WallText.tileSchools.in(language)
        case .offlineSchools: return WallText.tileOffline.in(language)
        case .workingDevices: return WallText.tileDevices.in(language)
        }
    }

    /// The figure as the big number shows it ("96,4%", "100%", "828", "-" when undefined).
    static func valueText(_ figure: HeadlineFigure, _ figures: NodeFigures, _ language: Language) -> String {
        guard let value = figure.value(figures) else { return "-" }
        guard figure.isFraction else { return Formats.count(Int(value), language) }
        return value >= 0.9995 ? "100%" : Formats.percent(value, language)
    }

    private static func valueRole(_ figure: HeadlineFigure, _ figures: NodeFigures, _ context: ScreenContext) -> StyleRole {
        let value = figure.value(figures)
        switch figure {
        case .attendanceRate: return context.attendanceBands.role(value)
        case .shareReported: return context.completenessBands.role(value)
        case .schoolsReporting: return .accent
        case .offlineSchools: return (value ?? 0) > 0 ? .crit : .ok
        case .workingDevices: return .accent
        }
    }

    private static func detailSpans(_ figure: HeadlineFigure, _ f: NodeFigures, _ state: AppState,
                                    _ context: ScreenContext) -> [Span] {
        let lang = context.language, a = f.attendance
        switch figure {
        case .attendanceRate:
            return [Span(WallText.attendingOfReported.in(lang).replacingOccurrences(of: "%1", with: Formats.count(a.present + a.late, lang))
                            .replacingOccurrences(of: "%2", with: Formats.count(a.reported, lang)), role: .dim)]
        case .shareReported:
            if let comparison = WallCheckIn.headline(state.checkIn, context) { return comparison }
            return [Span("\(Formats.count(a.unreported, lang)) \(WallText.pupilsNotReported.in(lang))", role: .dim)]
        case .schoolsReporting:
            return [Span("/ \(Formats.count(a.schoolsTotal, lang)) \(WallText.ofSchools.in(lang))", role: .dim)]
        case .offlineSchools:
            let c = f.connectivity, g = context.glyphs
            return [Span(ConnectivityLook.glyph(.unknown, g) + " \(WallText.unknownShort.in(lang)) \(Formats.count(c.unknown, lang))",
                         role: .unknown),
                    Span(" · ", role: .dim),
                    Span(ConnectivityLook.glyph(.moderate, g) + " \(WallText.moderateShort.in(lang)) \(Formats.count(c.moderate, lang))",
                         role: .warn)]
        case .workingDevices:
            let d = f.devices
            return [Span("\(Formats.count(d.computersWorking, lang))/\(Formats.count(d.computersTotal, lang)) "
                         + WallText.computersWord.in(lang), role: .dim)]
        }
    }
}
