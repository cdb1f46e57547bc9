import ReportModel
import ConsoleCore

/// The enrollment panel: students, gender split, teachers and ratio, joined/left, intake plan.
enum EnrollmentPanel {
    /// The panel's lines, most important first.
    static func lines(_ figures: NodeFigures, _ context: ScreenContext) -> [[Span]] {
        let e = figures.enrollment, lang = context.language
        var lines: [[Span]] = [
            [Span(context.t(.students) + " "), Span(Formats.count(e.enrolled, lang), role: .accent, bold: true)],
            [Span(context.t(.female) + " "), Span(Formats.count(e.female, lang)),
             Span(" · " + context.t(.male) + " "), Span(Formats.count(e.male, lang))],
        ]
        if figures.node.level != .class {
            lines.append([Span(context.t(.teachers) + " "), Span(Formats.count(e.teachers, lang)),
                          Span(" · " + context.t(.pupilTeacherRatio) + " "),
                          Span(Formats.decimal(e.pupilTeacherRatio, digits: 1, lang))])
        }
        lines.append([Span(context.t(.joined) + " "), Span(Formats.count(e.joined, lang), role: .ok),
                      Span(" · " + context.t(.left) + " "), Span(Formats.count(e.left, lang), role: .warn)])
        let planned = e.intake.reduce(0) { $0 + $1.planned }
        let intakeEnrolled = e.intake.reduce(0) { $0 + $1.enrolled }
        if planned > 0 {
            let ratio = Double(intakeEnrolled) / Double(planned)
            lines.append([Span(context.t(.intakePlan) + " "),
                          Span("\(Formats.count(intakeEnrolled, lang))/\(Formats.count(planned, lang)) "),
                          Span("(\(Formats.percent(ratio, digits: 0, lang)))", role: ratio < 0.9 || ratio > 1.1 ? .warn : .ok)])
        }
        return lines
    }
}
