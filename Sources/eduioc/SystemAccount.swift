import Foundation
#if canImport(Glibc)
import Glibc
import ProcessSupport
#endif

/// The account the operating system says is running this process: the real user id's passwd entry and the
/// groups the group database gives it. Never taken from environment variables (`USER`, `LOGNAME`,
/// `SSH_ORIGINAL_COMMAND`) or from arguments, which a client may influence.
struct SystemAccount: Equatable {
    /// The account name (passwd `pw_name`).
    let name: String
    /// The real user id.
    let uid: uid_t
    /// Names of the account's groups: its primary group and every supplementary group.
    let groups: [String]

    /// The account of the real user id; throws a `CLIError` when the user id has no passwd entry.
    static func current() throws -> SystemAccount {
        try account(uid: getuid())
    }

    /// The account of `uid` (the server's peer, from SO_PEERCRED); throws a `CLIError` when it has no passwd entry.
    static func account(uid: uid_t) throws -> SystemAccount {
        guard let (name, gid) = passwdEntry(uid) else {
            throw CLIError("user id \(uid) has no account in the password database; access refused")
        }
        return SystemAccount(name: name, uid: uid, groups: groupNames(user: name, primary: gid))
    }

    private static func passwdEntry(_ uid: uid_t) -> (String, gid_t)? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil,
              let namePointer = entry.pw_name else { return nil }
        return (String(cString: namePointer), entry.pw_gid)
    }

    /// The names of `user`'s groups (getgrouplist), primary group first; ids without a name are skipped.
    private static func groupNames(user: String, primary: gid_t) -> [String] {
        var count: Int32 = 64
        var ids = [gid_t](repeating: 0, count: Int(count))
        while getgrouplist(user, primary, &ids, &count) == -1 {
            guard count > Int32(ids.count), count < 65_536 else { return [] }
            ids = [gid_t](repeating: 0, count: Int(count))
        }
        var names: [String] = []
        for id in ids.prefix(Int(count)) {
            var group = Glibc.group()
            var result: UnsafeMutablePointer<Glibc.group>?
            var buffer = [CChar](repeating: 0, count: 65_536)
            if getgrgid_r(id, &group, &buffer, buffer.count, &result) == 0, result != nil, let name = group.gr_name {
                let text = String(cString: name)
                if !names.contains(text) { names.append(text) }
            }
        }
        return names
    }
}
