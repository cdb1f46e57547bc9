/// Why the console cannot talk to the server; each is one line for the official.
public enum RemoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at the socket (the server is not running, or the path is wrong).
    case serverDown(path: String, reason: String)
    /// The server refused the session (no access, too many sessions, another version).
    case refused(String)
    /// The connection was lost; the console keeps its last data and tries again by itself.
    case reconnecting(String)
    /// The server ended the session (access revoked, server stopping).
    case ended(String)
    /// The server sent something this console does not understand.
    case protocolError(String)

    /// One line for the official.
    public var description: String {
        switch self {
        case .serverDown(let path, let reason):
            return "the EduIOC server is not running (máy chủ EduIOC chưa chạy): \(path): \(reason); try again later or tell the administrator"
        case .refused(let reason): return reason
        case .reconnecting(let reason): return "reconnecting… (đang kết nối lại) to the EduIOC server: \(reason)"
        case .ended(let reason): return reason
        case .protocolError(let reason): return "the server's answer is not understood (\(reason))"
        }
    }
}
