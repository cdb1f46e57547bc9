import ReportModel
import ConsoleCore

/// The devices panel: working computers, learners per computer, projectors, cameras and gates seen.
enum DevicesPanel {
    /// The panel's lines, most important first.
    static func lines(_ figures: NodeFigures, _ context: ScreenContext) -> [[Span]] {
        guard figures.node.level != .class else {
            return [[Span(context.t(.devicesAtSchoolLevel), role: .dim)]]
        }
        let d = figures.devices, lang = context.language
        let broken = ["desktop", "laptop", "tablet"].reduce(0) { $0 + (d.byKindAndStatus[$1]?["broken"] ?? 0) }
        return [
            [Span(context.t(.computersWorking) + " "), Span(Formats.count(d.computersWorking, lang), role: .normal, bold: true),
             Span("/" + Formats.count(d.computersTotal, lang), role: .dim),
             Span(" · " + context.t(.broken) + " "), Span(Formats.count(broken, lang), role: broken > 0 ? .warn : .normal)],
            [Span(context.t(.learnersPerComputer) + " "),
             Span(Formats.decimal(d.learnersPerComputer, digits: 1, lang), role: (d.learnersPerComputer ?? 99) > 40 ? .warn : .normal)],
            [Span(context.t(.camerasOnline) + " "), Span(Formats.count(d.camerasOnline, lang)),
             Span("/" + Formats.count(d.camerasTotal, lang), role: .dim)],
            [Span(context.t(.gatesOnline) + " "), Span(Formats.count(d.gatesOnline, lang)),
             Span("/" + Formats.count(d.gatesTotal, lang), role: .dim),
             Span(" · " + context.t(.projectors) + " "), Span(Formats.count(d.projectorsWorking, lang))],
        ]
    }
}
