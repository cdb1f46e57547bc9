import ConsoleApp

/// A `:` jump target as it travels (ConsoleApp's `JumpTarget` is not Codable).
public enum WireJump: Codable, Sendable, Equatable {
    /// `:school NAME-OR-CODE`.
    case school(String)
    /// `:unit NAME`.
    case unit(String)
    /// `:CODE` or bare words.
    case code(String)

    /// The wire form of a jump.
    public init(_ target: JumpTarget) {
        switch target {
        case .school(let text): self = .school(text)
        case .unit(let text): self = .unit(text)
        case .code(let text): self = .code(text)
        }
    }

    /// The console's jump.
    public var target: JumpTarget {
        switch self {
        case .school(let text): return .school(text)
        case .unit(let text): return .unit(text)
        case .code(let text): return .code(text)
        }
    }
}
