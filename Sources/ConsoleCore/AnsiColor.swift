/// The 16 standard terminal colours, by their theme-file names; `rawValue` order gives the colour index 0–15.
public enum AnsiColor: String, CaseIterable, Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack = "bright-black", brightRed = "bright-red", brightGreen = "bright-green", brightYellow = "bright-yellow"
    case brightBlue = "bright-blue", brightMagenta = "bright-magenta", brightCyan = "bright-cyan", brightWhite = "bright-white"

    /// The colour index (0–15).
    public var index: Int { AnsiColor.allCases.firstIndex(of: self) ?? 0 }
}
