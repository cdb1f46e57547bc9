import ConsoleCore

/// The `?` overlay: every binding of the key map with its description, generated from the same table as input.
enum HelpOverlay {
    /// Lines of the help: keys sharing a description are listed together.
    static func lines(_ context: ScreenContext) -> [[Span]] {
        var merged: [(keys: [String], description: UIText)] = []
        for binding in KeyMap.standard.bindings {
            if let index = merged.firstIndex(where: { $0.description == binding.description }) {
                merged[index].keys.append(binding.label)
            } else {
                merged.append(([binding.label], binding.description))
            }
        }
        let keyWidth = merged.map { DisplayWidth.of($0.keys.joined(separator: " ")) }.max() ?? 0
        var lines = merged.map { entry in
            [Span(DisplayText.pad(entry.keys.joined(separator: " "), to: keyWidth) + "  ", role: .key, bold: true),
             Span(entry.description.in(context.language))]
        }
        lines.append([])
        lines.append([Span(context.t(.helpClose), role: .dim)])
        return lines
    }

    /// Draws the overlay centred over the screen.
    static func draw(into buffer: inout CellBuffer, context: ScreenContext) {
        let content = lines(context)
        let width = min(buffer.size.columns - 4, (content.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 20) + 4)
        let height = min(buffer.size.rows - 2, content.count + 2)
        OverlayBox.draw(content, title: context.t(.helpTitle), width: width, height: height, selected: nil,
                        into: &buffer, context: context)
    }
}
