import Foundation

/// The console ↔ server wire format: frames of a 4-byte big-endian length followed by that many bytes of JSON
/// (one `ClientMessage` or `ServerMessage`). Bounded both ways; the first client frame is a `hello` naming the
/// protocol version, and a peer that breaks any rule is dropped (only that peer).
public enum WireProtocol {
    /// The version this build speaks; a hello with another is refused. 2: the compact search index
    /// (`WireSearchIndex`, a frame of its own, named by a digest so an unchanged index is not sent again), the server's
    /// judging settings in the welcome (`ConsoleSettings`) and the wall's check-in curve.
    public static let version = 2
    /// The largest frame a client may send (requests are small); more drops the client.
    public static let maxClientFrame = 64 * 1024
    /// The largest frame the server sends (a report, a search index); more is a protocol error at the client.
    public static let maxServerFrame = 32 * 1024 * 1024

    /// Why a frame could not be read.
    public enum FrameError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The peer closed the connection (at a frame boundary or inside a frame).
        case closed
        /// The announced length is over the limit (or zero).
        case badLength(Int)
        /// A read failed (errno), including a receive timeout.
        case io(Int32)
        /// The bytes are not a message of this protocol.
        case garbage(String)

        /// One line for logs.
        public var description: String {
            switch self {
            case .closed: return "the connection was closed"
            case .badLength(let length): return "a message of \(length) bytes is outside the protocol's bounds"
            case .io(let code): return String(cString: strerror(code))
            case .garbage(let reason): return "not an EduIOC message (\(reason))"
            }
        }
    }

    /// The frame for one message: length prefix and JSON.
    public static func frame<Message: Encodable>(_ message: Message) throws -> [UInt8] {
        frame(body: Array(try JSONEncoder().encode(message)))
    }

    /// The frame around an already encoded JSON body (a memoised report).
    public static func frame(body: [UInt8]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(body.count + 4)
        let length = UInt32(body.count)
        bytes.append(contentsOf: [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF),
                                  UInt8(length & 0xFF)])
        bytes.append(contentsOf: body)
        return bytes
    }

    /// The body length a 4-byte header announces, checked against `limit`.
    public static func length(header: [UInt8], limit: Int) throws(FrameError) -> Int {
        guard header.count == 4 else { throw .closed }
        let length = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        guard length > 0, length <= limit else { throw .badLength(length) }
        return length
    }

    /// Decodes one message body; anything else is `garbage`.
    public static func decode<Message: Decodable>(_ type: Message.Type, from body: [UInt8]) throws(FrameError) -> Message {
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch {
            throw .garbage("undecodable \(String(describing: type))")
        }
    }

    /// Reads one whole frame from a blocking descriptor and decodes it.
    public static func read<Message: Decodable>(_ type: Message.Type, from descriptor: Int32,
                                                limit: Int) throws(FrameError) -> Message {
        let header = try UnixSocket.readExactly(descriptor, count: 4)
        let body = try UnixSocket.readExactly(descriptor, count: try length(header: header, limit: limit))
        return try decode(type, from: body)
    }
}
