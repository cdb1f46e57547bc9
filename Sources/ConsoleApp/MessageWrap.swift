import ConsoleCore

/// Word wrapping for one-line messages: lines of whole words, never cut mid-word (a word longer than a line is
/// the only thing cut, with an ellipsis).
enum MessageWrap {
    /// `text` in lines of at most `width` columns; when more than `maxLines` are needed, the last line shown ends
    /// with "…" after its last whole word.
    static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width || line.isEmpty {
                line = DisplayWidth.of(candidate) <= width ? candidate : DisplayText.truncate(candidate, to: width, ellipsis: "…")
            } else {
                lines.append(line)
                line = DisplayWidth.of(word) <= width ? word : DisplayText.truncate(word, to: width, ellipsis: "…")
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var words = kept[maxLines - 1].split(separator: " ").map(String.init)
        while !words.isEmpty && DisplayWidth.of(words.joined(separator: " ") + " …") > width { words.removeLast() }
        kept[maxLines - 1] = (words + ["…"]).joined(separator: " ")
        return kept
    }
}
