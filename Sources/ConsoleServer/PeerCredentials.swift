/// Who is at the other end of a Unix socket, from the kernel (SO_PEERCRED), never from the peer's own words.
public struct PeerCredentials: Sendable, Hashable {
    /// The peer process's effective user id at connect(2).
    public var uid: UInt32
    /// Its effective group id.
    public var gid: UInt32
    /// Its process id.
    public var pid: Int32

    /// Creates credentials (the server reads them from the socket; tests may build them).
    public init(uid: UInt32, gid: UInt32, pid: Int32) {
        self.uid = uid
        self.gid = gid
        self.pid = pid
    }
}
