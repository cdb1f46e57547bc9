import ReportModel
import ConsoleCore
import Foundation

/// The two top lines: breadcrumbs with alert count, clock and data age; then scope, day note or the stale banner.
enum HeaderView {
    /// Draws the header and status lines.
    static func draw(_ state: AppState, layout: DashboardLayout, into buffer: inout CellBuffer, context: ScreenContext) {
        let headerStyle = CellStyle(.header)
        let right = rightSide(state, context, compact: layout.header.width < 100)
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let leftRect = Rect(x: 0, y: layout.header.y, width: max(0, layout.header.width - rightWidth), height: 1)
        StyledLine(breadcrumbs(state, context, width: leftRect.width), fillStyle: headerStyle, glyphs: context.glyphs)
            .render(leftRect, into: &buffer)
        StyledLine(right, alignment: .right, fillStyle: headerStyle, glyphs: context.glyphs)
            .render(Rect(x: leftRect.maxX, y: layout.header.y, width: rightWidth, height: 1), into: &buffer)
        StyledLine(statusLine(state, context), glyphs: context.glyphs).render(layout.status, into: &buffer)
    }

    /// "EduIOC │ Tỉnh … › Xã … › Trường …", leading crumbs giving way first when narrow.
    static func breadcrumbs(_ state: AppState, _ context: ScreenContext, width: Int) -> [Span] {
        let brand = [Span(" EduIOC ", role: .header, bold: true), Span(context.glyphs.vertical + " ", role: .header)]
        let brandWidth = brand.reduce(0) { $0 + DisplayWidth.of($1.text) }
        return brand + Breadcrumbs(crumbNames(state, context), glyphs: context.glyphs).spans(width: max(0, width - brandWidth))
    }

    private static func crumbNames(_ state: AppState, _ context: ScreenContext) -> [String] {
        if let path = state.report?.path, state.reportMatchesCurrent, !path.isEmpty { return path.map(\.name) }
        // Before any report of the area (loading, or an area the snapshot lacks) the root is the account's area as
        // granted, never "the province" for an account that does not hold it.
        let root = state.report?.path.first?.name ?? scopeParts(state)?.names ?? context.t(.province)
        return [root] + state.stack.dropFirst().compactMap { $0.node?.name }
    }

    /// " ‼ 3" (critical) and " ⚠ 12" (warnings) when there are any: the console's and the wall's header.
    static func alertCounts(_ state: AppState, _ context: ScreenContext) -> [Span] {
        var spans: [Span] = []
        let alerts = state.report?.alerts ?? []
        let critical = alerts.filter { $0.severity == .critical }.count
        if critical > 0 {
            spans.append(Span(" \(AlertText.glyph(.critical, context.glyphs)) \(Formats.count(critical, context.language))",
                              role: .crit, bold: true))
        }
        if alerts.count > critical {
            spans.append(Span(" \(AlertText.glyph(.warning, context.glyphs)) \(Formats.count(alerts.count - critical, context.language))",
                              role: .warn, bold: true))
        }
        return spans
    }

    /// "‼ 3 ⚠ 12 │ 14:05 │ dữ liệu 3 phút trước"; past the stale limit the age reads "dữ liệu 07:42 (12 phút)" in
    /// the warn role, past twice the limit (or with an unusable snapshot) in the crit role.
    static func rightSide(_ state: AppState, _ context: ScreenContext, compact: Bool = false) -> [Span] {
        var spans = alertCounts(state, context)
        let alerts = state.report?.alerts ?? []
        let lang = context.language
        if !alerts.isEmpty { spans.append(Span(compact ? " " : " \(context.t(.alertsCount)) ", role: .header)) }
        spans.append(Span(" " + Formats.clock(context.now, context.timeZone) + " ", role: .header, bold: true))
        if let published = state.report?.publishedAt {
            spans.append(Span(context.glyphs.vertical, role: .header))
            if let staleness = state.staleness {
                // Dated from the publication, or from the last change seen when the data stopped changing.
                let anchor = state.staleAnchor ?? (published, state.dataAgeMinutes ?? 0)
                spans.append(Span(" " + context.t(.dataAge) + " " + Formats.clock(anchor.since, context.timeZone)
                                  + " (" + Formats.duration(minutes: anchor.minutes, lang) + ") ",
                                  style: CellStyle(state.problem != nil ? .stale : AlertText.role(staleness), bold: true, reverse: true)))
            } else {
                spans.append(Span(" " + (compact ? "" : context.t(.dataAge) + " ") + Formats.age(from: published, to: context.now, lang) + " ",
                                  role: .header))
            }
        }
        return spans
    }

    /// The second line: the stale banner when the snapshot is unusable, old or unchanged for too long, else the
    /// date; then clock skew, scope, the code of the node on screen, pause and day notes.
    static func statusLine(_ state: AppState, _ context: ScreenContext) -> [Span] {
        if let problem = state.problem {
            return [Span(" \(ConnectivityLook.warning(context.glyphs)) \(context.t(.staleSince)) "
                         + Formats.clock(problem.since, context.timeZone) + ": ", role: .banner, bold: true),
                    Span(problem.reason + " ", role: .banner)]
        }
        var spans: [Span] = []
        let lang = context.language
        if let staleness = state.staleness, let reason = state.staleReason, let anchor = state.staleAnchor {
            // "published at 07:42" or "unchanged since 07:42" (a published_at ahead of the clock cannot hide it).
            let what = context.t(reason == .published ? .publishedAt : .unchangedSince)
            spans.append(Span(" \(AlertText.glyph(staleness, context.glyphs)) \(context.t(.staleData)): "
                              + "\(what) \(Formats.clock(anchor.since, context.timeZone)), "
                              + context.t(.agoTemplate).replacingOccurrences(
                                  of: "%@", with: Formats.duration(minutes: anchor.minutes, lang)) + " "
                              + "(\(context.t(.limitWord)) \(Formats.duration(minutes: state.staleAfterMinutes, lang))) ",
                              style: CellStyle(AlertText.role(staleness), bold: true, reverse: true)))
        } else {
            spans.append(Span(" " + Formats.longDate(context.now, context.timeZone, context.language) + " ", role: .dim))
        }
        if let ahead = state.clockSkewMinutes {
            spans.append(Span(" \(ConnectivityLook.warning(context.glyphs)) " + context.t(.clockAheadTemplate)
                                .replacingOccurrences(of: "%@", with: Formats.duration(minutes: ahead, lang)) + " ",
                              role: .warn, bold: true))
        }
        if state.paused { spans.append(Span(" \(context.t(.paused)) ", role: .warn, bold: true)) }
        if let figures = state.report?.figures, state.reportMatchesCurrent, figures.node.level != .province {
            spans.append(Span(" \(context.t(.code)): ", role: .dim))
            spans.append(Span(figures.node.code + " ", role: .accent, bold: true))
        }
        if let scope = scopeText(state) { spans.append(Span(" \(context.t(.scope)): \(scope) ", role: .accent)) }
        if let figures = state.report?.figures, state.reportMatchesCurrent {
            if !figures.attendance.isAsOfSchoolDay {
                spans.append(Span(" \(context.t(.noSchoolToday)) \(Formats.shortDay(figures.attendance.day)) ", role: .warn))
            }
            if figures.node.level == .class { spans.append(Span(" " + context.t(.classPrivacyNote), role: .dim)) }
        }
        if state.showsLoading { spans.append(Span(" " + context.t(.loading), role: .dim)) }
        return spans
    }

    /// The scope label with each code replaced by its name ("10507" → "Xã Thanh Hà"), as far as the index or
    /// the breadcrumbs know it; an account prefix ("hoa.tran: ") is kept.
    static func scopeText(_ state: AppState) -> String? {
        guard let label = state.scopeLabel else { return nil }
        guard let parts = scopeParts(state) else { return label }
        return parts.prefix + parts.names
    }

    /// The scope label's account prefix and its codes as names; nil without a label or for the whole province ("*").
    private static func scopeParts(_ state: AppState) -> (prefix: String, names: String)? {
        guard let label = state.scopeLabel else { return nil }
        var prefix = "", codes = label
        if let colon = label.range(of: ": ") {
            prefix = String(label[..<colon.upperBound])
            codes = String(label[colon.upperBound...])
        }
        guard codes != "*" else { return nil }
        let root = state.report?.path.first
        let names = codes.split(separator: ",").map { raw -> String in
            let code = raw.trimmingCharacters(in: .whitespaces)
            if let name = state.searchIndex?.entry(code: code)?.node.name { return name }
            if let root, root.code == code { return root.name }
            return code
        }
        return (prefix, names.joined(separator: ", "))
    }
}
