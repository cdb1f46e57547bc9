import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads /proc: which processes exist, whose they are and what they run. For checks such as "no eduioc is
/// left running for this account" and for finding a test's own client processes by pid.
public enum ProcessTable {
    /// One process.
    public struct Entry: Sendable, Hashable {
        public var pid: pid_t
        /// The command name (`comm`, at most 15 characters).
        public var name: String
        /// The real user id.
        public var uid: uid_t
        /// The arguments, joined by spaces.
        public var commandLine: String
        /// The state letter (R, S, Z…).
        public var state: String
    }

    /// Every process visible now.
    public static func all() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { Int32($0) }.compactMap(entry)
    }

    /// The process `pid`, or nil once it is gone.
    public static func entry(_ pid: pid_t) -> Entry? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var name = "", uid: uid_t = 0, state = ""
        for line in status.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true)
            guard let key = parts.first, parts.count > 1 else { continue }
            switch key {
            case "Name:": name = String(parts[1])
            case "Uid:": uid = uid_t(parts[1]) ?? 0
            case "State:": state = String(parts[1].prefix(1))
            default: break
            }
        }
        let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        let commandLine = String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return Entry(pid: pid, name: name, uid: uid, commandLine: commandLine, state: state)
    }

    /// Live (not zombie) processes of `uid`, optionally only those named `name`.
    public static func live(uid: uid_t, named name: String? = nil) -> [Entry] {
        all().filter { $0.uid == uid && $0.state != "Z" && (name == nil || $0.name == name) }
    }

    /// Whether `pid` is gone (or a zombie waiting to be reaped).
    public static func isGone(_ pid: pid_t) -> Bool {
        guard let entry = entry(pid) else { return true }
        return entry.state == "Z"
    }
}
