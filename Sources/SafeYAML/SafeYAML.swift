import Foundation
import Yams

/// YAML from files an administrator (or anyone who could write them) controls — the access file, themes, the
/// analytics configuration — read with limits (issue 14): at most ``maximumBytes``, no anchors or aliases (a few
/// hundred bytes of aliases expand past a gigabyte), flow collections nested at most ``maximumNesting`` deep.
/// Errors name a line and column, never quote the file's text.
public enum SafeYAML {
    /// The largest file read.
    public static let maximumBytes = 64 * 1024
    /// The deepest nesting of `[` and `{` accepted (block nesting is bounded by the size).
    public static let maximumNesting = 32

    /// Why the text was not read.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// More than ``maximumBytes``.
        case tooLarge(bytes: Int)
        /// An anchor (`&name`) or alias (`*name`).
        case anchorsOrAliases
        /// Flow collections nested deeper than ``maximumNesting``.
        case tooDeep
        /// Not valid YAML, at a line and column when known.
        case invalid(line: Int?, column: Int?)

        /// One line, without the file's text.
        public var description: String {
            switch self {
            case .tooLarge(let bytes): return "is \(bytes) bytes, more than the \(SafeYAML.maximumBytes) accepted"
            case .anchorsOrAliases: return "uses YAML anchors or aliases (& or *), which are not accepted"
            case .tooDeep: return "nests [ ] or { } more than \(SafeYAML.maximumNesting) deep"
            case .invalid(let line?, let column?): return "not valid YAML (line \(line), column \(column))"
            case .invalid: return "not valid YAML"
            }
        }
    }

    /// Reads a file's bytes, refusing more than ``maximumBytes`` without reading them all.
    public static func read(path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        guard data.count <= maximumBytes else { throw Refusal.tooLarge(bytes: data.count) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Composes `text` into a node tree after the checks; nil for an empty document.
    public static func compose(_ text: String) throws(Refusal) -> Node? {
        let bytes = text.utf8.count
        guard bytes <= maximumBytes else { throw .tooLarge(bytes: bytes) }
        let scan = scan(text)
        guard !scan.anchorsOrAliases else { throw .anchorsOrAliases }
        guard scan.nesting <= maximumNesting else { throw .tooDeep }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.refusal(for: error)
        } catch {
            throw .invalid(line: nil, column: nil)
        }
    }

    /// `compose` then the plain Swift values Yams would load (`[String: Any]`, `[Any]`, `String`, `Int`…).
    public static func load(_ text: String) throws(Refusal) -> Any? {
        guard let node = try compose(text) else { return nil }
        return Constructor.default.any(from: node)
    }

    /// One pass over the text, outside quotes and comments: the deepest nesting of `[`/`{` (an upper bound, good
    /// enough to refuse), and whether an anchor or alias indicator (`&` or `*` where a node starts: after a space,
    /// a line start, `[`, `{` or `,`) appears. Done on the text because the composed tree has aliases expanded.
    private static func scan(_ text: String) -> (nesting: Int, anchorsOrAliases: Bool) {
        let nodeStarts: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")]
        var depth = 0, deepest = 0
        var quote: UInt8?
        var comment = false
        var indicator = false
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            defer { previous = byte }
            if comment {
                if byte == 0x0A { comment = false }
                continue
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if nodeStarts.contains(previous) { quote = byte }
            case UInt8(ascii: "#") where previous == 0x20 || previous == 0x0A || previous == 0x09:
                comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                if nodeStarts.contains(previous) { indicator = true }
            default:
                break
            }
        }
        return (deepest, indicator)
    }

    private static func refusal(for error: YamlError) -> Refusal {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return .invalid(line: mark.line, column: mark.column)
        default:
            return .invalid(line: nil, column: nil)
        }
    }
}
