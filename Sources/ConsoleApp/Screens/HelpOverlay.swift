import Foundation
import ConsoleCore

/// The `?` overlay: every binding of the key map with its description, generated from the same table as input,
/// then what each table column means. ↑/↓ and PgUp/PgDn scroll it when it is taller than the screen.
enum HelpOverlay {
    /// Lines of the help: keys sharing a description are listed together, then the column names explained.
    static func lines(_ context: ScreenContext) -> [[Span]] {
        var merged: [(keys: [String], description: UIText)] = []
        for binding in KeyMap.standard.bindings {
            if let index = merged.firstIndex(where: { $0.description == binding.description }) {
                merged[index].keys.append(binding.label)
            } else {
                merged.append(([binding.label], binding.description))
            }
        }
        let columns = columnExplanations(context)
        let keyWidth = (merged.map { DisplayWidth.of($0.keys.joined(separator: " ")) } + columns.map { DisplayWidth.of($0.0) })
            .max() ?? 0
        var lines = merged.map { entry in
            [Span(DisplayText.pad(entry.keys.joined(separator: " "), to: keyWidth) + "  ", role: .key, bold: true),
             Span(entry.description.in(context.language))]
        }
        lines.append([])
        lines.append([Span(context.t(.columnsTitle), role: .title, bold: true)])
        for (name, meaning) in columns {
            lines.append([Span(DisplayText.pad(name, to: keyWidth) + "  ", role: .key, bold: true), Span(meaning)])
        }
        lines.append([])
        lines.append([Span(context.t(.helpClose), role: .dim)])
        return lines
    }

    /// Each table column's header and what it means, in the UI language (glyphs in the terminal's set).
    static func columnExplanations(_ context: ScreenContext) -> [(String, String)] {
        let lang = context.language
        let explained: [(ChildColumn, UIText)] = [
            (.name, .explainName), (.code, .explainCode), (.schools, .explainSchools), (.students, .explainStudents),
            (.rate, .explainRate), (.completeness, .explainCompleteness), (.unreported, .explainUnreported),
            (.teachers, .explainTeachers), (.computersWorking, .explainComputers),
            (.learnersPerComputer, .explainLearnersPerComputer), (.network, .explainNet),
        ]
        return explained.map { column, text in
            var meaning = text.in(lang)
            if column == .network && !context.glyphs.isUnicode {
                for status in StatusGlyph.allCases { meaning = meaning.replacingOccurrences(of: status.glyph(.unicode), with: status.glyph(.ascii)) }
            }
            return (column.title(lang), meaning)
        }
    }

    /// Draws the overlay centred over the screen, from line `scroll`; descriptions too long for the box wrap
    /// onto indented lines at word boundaries.
    static func draw(scroll: Int, into buffer: inout CellBuffer, context: ScreenContext) {
        let content = lines(context)
        let width = min(buffer.size.columns - 4, (content.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 20) + 4)
        let room = width - 3
        var wrapped: [[Span]] = []
        for line in content {
            guard line.count == 2, line.reduce(0, { $0 + DisplayWidth.of($1.text) }) > room else {
                wrapped.append(line)
                continue
            }
            let indent = DisplayWidth.of(line[0].text)
            let parts = MessageWrap.lines(line[1].text, width: max(8, room - indent))
            for (i, part) in parts.enumerated() {
                wrapped.append([i == 0 ? line[0] : Span(String(repeating: " ", count: indent)), Span(part, style: line[1].style)])
            }
        }
        let height = min(buffer.size.rows - 2, wrapped.count + 2)
        let first = min(max(0, scroll), max(0, wrapped.count - (height - 2)))
        OverlayBox.draw(Array(wrapped.dropFirst(first)), title: context.t(.helpTitle), width: width, height: height,
                        selected: nil, into: &buffer, context: context)
    }
}
