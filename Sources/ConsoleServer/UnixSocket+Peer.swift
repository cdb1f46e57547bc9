import CPeerCredentials
import ConsoleWire

extension UnixSocket {
    /// The peer's credentials as the kernel recorded them at connect(2).
    public static func peer(_ fd: Int32) -> PeerCredentials? {
        var uid: UInt32 = 0, gid: UInt32 = 0, pid: Int32 = 0
        guard eduioc_peer_credentials(fd, &uid, &gid, &pid) == 0 else { return nil }
        return PeerCredentials(uid: uid, gid: gid, pid: pid)
    }
}
