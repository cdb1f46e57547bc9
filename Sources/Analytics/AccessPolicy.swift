import Foundation
import SafeYAML
import Yams

/// The access file: which accounts and groups may see which part of the province, and where they may export.
///
/// It is server-side configuration, read by `eduioc console --ssh` and `eduioc report --ssh` for the account the
/// operating system says is running the program (never for a name the client supplies). Format (YAML):
///
/// ```yaml
/// export_dir: /srv/eduioc/exports/{user}   # optional default for every entry; {user} = the account name
/// users:
///   lan.nguyen:
///     scope: province                       # the whole province
///   hoa.tran:
///     units: [HD-XTH]                       # admin units, each with everything beneath it
///     schools: [HD-TH-0042]                 # and/or single schools
///     export_dir: /srv/eduioc/exports/hoa   # optional, overrides the default
/// groups:
///   eduioc-leaders:
///     scope: province
///   eduioc-thanhha:
///     units: [HD-XTH]
/// ```
///
/// Resolution: an entry under `users` for the account wins on its own (so one person can be narrowed or widened
/// against their groups); otherwise the entries of every group the account belongs to are combined (union; a
/// province-wide group makes it province-wide). No entry at all: access is refused. The export directory is the
/// winning user entry's, else the first matching group's (in file order) that names one, else the top-level
/// `export_dir`, else none (export is then not allowed).
public struct AccessPolicy: Sendable {
    /// The default location of the access file.
    public static let defaultPath = "/etc/eduioc/access.yaml"

    /// The file it was read from (for messages).
    public var file: String
    /// The default export directory for every entry.
    public var exportDirectory: String?
    /// Entries by account name.
    public var users: [String: AccessEntry]
    /// Entries by group name, in file order.
    public var groups: [(name: String, entry: AccessEntry)] {
        groupOrder.compactMap { name in groupEntries[name].map { (name, $0) } }
    }

    private var groupOrder: [String]
    private var groupEntries: [String: AccessEntry]

    /// Creates a policy from parts (tests and tools).
    public init(file: String, exportDirectory: String? = nil, users: [String: AccessEntry] = [:],
                groups: [(name: String, entry: AccessEntry)] = []) {
        self.file = file
        self.exportDirectory = exportDirectory
        self.users = users
        self.groupOrder = groups.map(\.name)
        self.groupEntries = Dictionary(groups.map { ($0.name, $0.entry) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Resolution

    /// What `user`, member of `groups`, may do; throws `noEntry` when nothing in the file names them.
    public func grant(user: String, groups memberOf: [String]) throws -> AccessGrant {
        if let entry = users[user] {
            return AccessGrant(user: user, scope: Self.scope(of: [entry]),
                               exportDirectory: Self.expand(entry.exportDirectory ?? exportDirectory, user: user),
                               matchedBy: ["user \(user)"])
        }
        let member = Set(memberOf)
        let matched = groups.filter { member.contains($0.name) }
        guard !matched.isEmpty else { throw AccessPolicyError.noEntry(file: file, user: user) }
        let directory = matched.lazy.compactMap(\.entry.exportDirectory).first ?? exportDirectory
        return AccessGrant(user: user, scope: Self.scope(of: matched.map(\.entry)),
                           exportDirectory: Self.expand(directory, user: user),
                           matchedBy: matched.map { "group \($0.name)" })
    }

    /// The union of the entries' reaches: nil (province) if any is province-wide.
    private static func scope(of entries: [AccessEntry]) -> Scope? {
        var union = Scope(unitCodes: [], schoolCodes: [])
        for entry in entries {
            switch entry.reach {
            case .province: return nil
            case .area(let scope):
                union.unitCodes.formUnion(scope.unitCodes)
                union.schoolCodes.formUnion(scope.schoolCodes)
            }
        }
        return union
    }

    /// Replaces `{user}`; a name that could leave the directory ("..", "/") gets no export directory.
    private static func expand(_ directory: String?, user: String) -> String? {
        guard let directory else { return nil }
        guard directory.contains("{user}") else { return directory }
        guard !user.isEmpty, !user.contains("/"), user != ".", user != ".." else { return nil }
        return directory.replacingOccurrences(of: "{user}", with: user)
    }

    // MARK: Loading

    /// Reads and validates the access file at `path`.
    public static func load(path: String) throws -> AccessPolicy {
        let text: String
        do {
            text = try SafeYAML.read(path: path)
        } catch let refusal as SafeYAML.Refusal {
            throw AccessPolicyError.invalid(file: path, key: "", reason: refusal.description)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (check its permissions)" : "does not exist"
            throw AccessPolicyError.unreadable(file: path, reason: reason)
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses and validates access-file text; errors name `file` and the offending key.
    public static func parse(yaml: String, file: String) throws -> AccessPolicy {
        let root: Node?
        do {
            root = try SafeYAML.compose(yaml)
        } catch {
            throw AccessPolicyError.invalid(file: file, key: "", reason: error.description)
        }
        guard let root, let mapping = root.mapping else {
            throw AccessPolicyError.invalid(file: file, key: "", reason: "must be a mapping with users and/or groups")
        }
        var policy = AccessPolicy(file: file)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            switch key {
            case "export_dir": policy.exportDirectory = try directory(value, file: file, key: key)
            case "users":
                for (name, entry) in try entries(value, file: file, key: key) { policy.users[name] = entry }
            case "groups":
                for (name, entry) in try entries(value, file: file, key: key) where policy.groupEntries[name] == nil {
                    policy.groupOrder.append(name)
                    policy.groupEntries[name] = entry
                }
            default:
                throw AccessPolicyError.invalid(file: file, key: key, reason: "unknown key (known: export_dir, users, groups)")
            }
        }
        guard !policy.users.isEmpty || !policy.groupOrder.isEmpty else {
            throw AccessPolicyError.invalid(file: file, key: "", reason: "names no users and no groups")
        }
        return policy
    }

    private static func entries(_ node: Node, file: String, key: String) throws -> [(String, AccessEntry)] {
        if node.null != nil { return [] }
        guard let mapping = node.mapping else {
            throw AccessPolicyError.invalid(file: file, key: key, reason: "must be a mapping of names to entries")
        }
        var result: [(String, AccessEntry)] = []
        var seen: Set<String> = []
        for (nameNode, value) in mapping {
            let name = nameNode.string ?? ""
            let path = "\(key).\(name)"
            guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
                throw AccessPolicyError.invalid(file: file, key: path, reason: "not a valid account or group name")
            }
            guard seen.insert(name).inserted else {
                throw AccessPolicyError.invalid(file: file, key: path, reason: "appears twice")
            }
            result.append((name, try entry(value, file: file, key: path)))
        }
        return result
    }

    private static func entry(_ node: Node, file: String, key: String) throws -> AccessEntry {
        guard let mapping = node.mapping else {
            throw AccessPolicyError.invalid(file: file, key: key,
                                            reason: "must be a mapping (scope: province, or units/schools lists)")
        }
        var province = false
        var units: Set<String> = []
        var schools: Set<String> = []
        var exportDirectory: String?
        for (fieldNode, value) in mapping {
            let field = fieldNode.string ?? "\(fieldNode)"
            let path = "\(key).\(field)"
            switch field {
            case "scope":
                guard value.string == "province" else {
                    throw AccessPolicyError.invalid(file: file, key: path,
                                                    reason: "the only value is \"province\" (list units or schools instead)")
                }
                province = true
            case "units": units = try codes(value, file: file, key: path)
            case "schools": schools = try codes(value, file: file, key: path)
            case "export_dir": exportDirectory = try directory(value, file: file, key: path)
            default:
                throw AccessPolicyError.invalid(file: file, key: path,
                                                reason: "unknown key (known: scope, units, schools, export_dir)")
            }
        }
        if province {
            guard units.isEmpty, schools.isEmpty else {
                throw AccessPolicyError.invalid(file: file, key: key, reason: "scope: province cannot be combined with units or schools")
            }
            return AccessEntry(reach: .province, exportDirectory: exportDirectory)
        }
        guard !units.isEmpty || !schools.isEmpty else {
            throw AccessPolicyError.invalid(file: file, key: key, reason: "grants nothing: give scope: province, or units and/or schools")
        }
        return AccessEntry(reach: .area(Scope(unitCodes: units, schoolCodes: schools)), exportDirectory: exportDirectory)
    }

    private static func codes(_ node: Node, file: String, key: String) throws -> Set<String> {
        guard let sequence = node.sequence else {
            throw AccessPolicyError.invalid(file: file, key: key, reason: "must be a list of codes, e.g. [HD-XTH]")
        }
        var result: Set<String> = []
        for item in sequence {
            guard let code = item.string?.trimmingCharacters(in: .whitespaces), !code.isEmpty, item.mapping == nil else {
                throw AccessPolicyError.invalid(file: file, key: key, reason: "every code must be a non-empty text")
            }
            result.insert(code)
        }
        return result
    }

    private static func directory(_ node: Node, file: String, key: String) throws -> String {
        guard let path = node.string, path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw AccessPolicyError.invalid(file: file, key: key, reason: "must be an absolute directory path without ..")
        }
        return path
    }
}
