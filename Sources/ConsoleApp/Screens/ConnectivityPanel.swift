import ReportModel
import ConsoleCore

/// The connectivity panel: good / moderate / offline / unknown with glyphs, speeds, worst outages.
enum ConnectivityPanel {
    /// The panel's lines, most important first.
    static func lines(_ figures: NodeFigures, _ context: ScreenContext) -> [[Span]] {
        let c = figures.connectivity, lang = context.language, g = context.glyphs
        func item(_ status: ConnectivityStatus, _ count: Int) -> [Span] {
            [Span(ConnectivityLook.glyph(status, g) + " ", role: ConnectivityLook.role(status)),
             Span(ConnectivityLook.label(status, lang) + " "), Span(Formats.count(count, lang), role: ConnectivityLook.role(status), bold: true)]
        }
        var lines: [[Span]] = []
        if let own = c.status, figures.node.level == .school || figures.node.level == .class {
            lines.append([Span(ConnectivityLook.glyph(own, g) + " ", role: ConnectivityLook.role(own)),
                          Span(ConnectivityLook.label(own, lang), role: ConnectivityLook.role(own), bold: true)])
        } else {
            lines.append(item(.good, c.good) + [Span("  ")] + item(.moderate, c.moderate))
            lines.append(item(.offline, c.offline) + [Span("  ")] + item(.unknown, c.unknown))
        }
        lines.append([Span(context.t(.medianDownload) + " "),
                      Span(Formats.decimal(c.medianDownloadMbps, digits: 1, lang) + " Mbps"),
                      Span(" · " + context.t(.latency) + " "),
                      Span(Formats.decimal(c.medianLatencyMs, digits: 0, lang) + " ms")])
        for outage in c.offlineSchools.prefix(3) {
            let since = outage.since.map { Formats.clock($0, context.timeZone) + " " } ?? ""
            lines.append([Span(ConnectivityLook.glyph(.offline, g) + " " + since, role: .crit), Span(outage.school.name)])
        }
        return lines
    }
}
