import ConsoleCore

/// One declarative binding: the keys that trigger a command, and how the help and hint bar show it.
public struct KeyBinding: Sendable, Hashable {
    /// The command triggered.
    public var command: Command
    /// Every key that triggers it.
    public var keys: [Key]
    /// How the keys are written in the help overlay and the hint bar.
    public var label: String
    /// The longer description in the help overlay.
    public var description: UIText
    /// The short word in the hint bar; nil keeps it out of the bar.
    public var hint: UIText?
}

/// The key map: the single table that drives both input decoding and the hints shown on screen.
public struct KeyMap: Sendable {
    /// All bindings, in the order the help overlay lists them.
    public let bindings: [KeyBinding]

    /// The console's standard key map.
    public static let standard = KeyMap(bindings: [
        KeyBinding(command: .moveUp, keys: [.up, .character("k")], label: "↑/k", description: .cmdMove, hint: nil),
        KeyBinding(command: .moveDown, keys: [.down, .character("j")], label: "↓/j", description: .cmdMove, hint: nil),
        KeyBinding(command: .pageUp, keys: [.pageUp], label: "PgUp", description: .cmdPage, hint: nil),
        KeyBinding(command: .pageDown, keys: [.pageDown], label: "PgDn", description: .cmdPage, hint: nil),
        KeyBinding(command: .moveFirst, keys: [.home], label: "Home", description: .cmdEnds, hint: nil),
        KeyBinding(command: .moveLast, keys: [.end], label: "End", description: .cmdEnds, hint: nil),
        KeyBinding(command: .drillDown, keys: [.enter, .right], label: "Enter", description: .cmdDrill, hint: .hintDrill),
        KeyBinding(command: .goUp, keys: [.escape, .backspace, .left], label: "Esc", description: .cmdBack, hint: .hintBack),
        KeyBinding(command: .filter, keys: [.character("/")], label: "/", description: .cmdFilter, hint: .hintFilter),
        KeyBinding(command: .jump, keys: [.character(":")], label: ":", description: .cmdJump, hint: .hintJump),
        KeyBinding(command: .export, keys: [.character("e")], label: "e", description: .cmdExport, hint: nil),
        KeyBinding(command: .nextSortColumn, keys: [.character("s")], label: "s", description: .cmdSort, hint: .hintSort),
        KeyBinding(command: .reverseSort, keys: [.character("S")], label: "S", description: .cmdReverseSort, hint: nil),
        KeyBinding(command: .showAlerts, keys: [.character("a")], label: "a", description: .cmdAlerts, hint: .hintAlerts),
        KeyBinding(command: .showDataQuality, keys: [.character("d")], label: "d", description: .cmdDataQuality,
                   hint: nil),
        KeyBinding(command: .nextTheme, keys: [.character("t")], label: "t", description: .cmdTheme, hint: .hintTheme),
        KeyBinding(command: .toggleLanguage, keys: [.character("L")], label: "L", description: .cmdLanguage,
                   hint: .hintLanguage),
        KeyBinding(command: .refresh, keys: [.character("r")], label: "r", description: .cmdRefresh, hint: nil),
        KeyBinding(command: .togglePause, keys: [.character("p")], label: "p", description: .cmdPause, hint: nil),
        KeyBinding(command: .toggleWall, keys: [.character("w")], label: "w", description: .cmdWall, hint: nil),
        KeyBinding(command: .nextWallPage, keys: [.character("]")], label: "]", description: .cmdWallPage,
                   hint: nil),
        KeyBinding(command: .previousWallPage, keys: [.character("[")], label: "[",
                   description: .cmdWallPage, hint: nil),
        KeyBinding(command: .toggleRotation, keys: [.character(" ")], label: "Space", description: .cmdWallRotation,
                   hint: nil),
        KeyBinding(command: .showHelp, keys: [.character("?"), .function(1)], label: "?", description: .cmdHelp,
                   hint: .hintHelp),
        KeyBinding(command: .quit, keys: [.character("q"), .control("c")], label: "q", description: .cmdQuit,
                   hint: .hintQuit),
    ])

    /// The command bound to `key`, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The bindings shown in the hint bar, in order.
    public var hintBindings: [KeyBinding] { bindings.filter { $0.hint != nil } }

    /// Every binding in one line for `--help` ("↑/k ↓/j: Move up/down · …"), keys sharing a description together.
    public func summary(_ language: Language) -> String {
        var merged: [(keys: [String], description: UIText)] = []
        for binding in bindings {
            if let index = merged.firstIndex(where: { $0.description == binding.description }) {
                merged[index].keys.append(binding.label)
            } else {
                merged.append(([binding.label], binding.description))
            }
        }
        return merged.map { "\($0.keys.joined(separator: " ")): \($0.description.in(language))" }.joined(separator: " · ")
    }
}
