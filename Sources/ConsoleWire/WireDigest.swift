/// A content digest of an encoded answer (64-bit FNV-1a and the length, in hex): the server names the search index it
/// sends with it, and a console that already holds that index asks "unless it is still this one" — so a data change
/// that leaves the tree alone (nearly all of them: attendance, devices, probes) costs no transfer and no decode.
public enum WireDigest {
    /// The digest of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16) + "-" + String(bytes.count, radix: 16)
    }
}
