import Analytics
import ArgumentParser
import Foundation
import ProcessSupport

/// `--ssh` and `--access-file`, shared by `console` and `report`.
struct AccessOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "SSH mode: identify the account from the operating system and apply its entry in the access file.",
        discussion: "For sshd's ForceCommand. --scope and --export-dir are refused in this mode (the access file decides)."))
    var ssh = false

    @Option(name: .customLong("access-file"),
            help: ArgumentHelp("The access file for --ssh (default: \(AccessPolicy.defaultPath)).", valueName: "file"))
    var accessFile: String?

    @Option(name: .customLong("crash-log"), help: ArgumentHelp(
        "Where a crash's details go (default: \(CrashGuard.defaultLogPath)); in SSH mode it must exist and not be readable by the account.",
        valueName: "file"))
    var crashLog: String?

    /// Turns on what a crash may need: in SSH mode no core files and a non-dumpable process, then the crash log
    /// (its descriptor, nil when there is no usable one).
    func prepareForCrashes() throws -> Int32? {
        if ssh { try CrashGuard.hardenForSSH() }
        return CrashGuard.openLog(path: crashLog, ssh: ssh)
    }

    /// Rejects options that only mean something in SSH mode, and command-line widening of access in SSH mode.
    func validate(scope: String?, exportDirectory: String? = nil) throws {
        // An empty list (often an unset shell variable) must not quietly mean "the whole province".
        if let scope, ScopeArgument.parse(scope) == nil {
            throw ValidationError("--scope is empty: give one or more admin-unit codes, comma-separated, "
                                  + "or leave it out for the whole province")
        }
        if !ssh {
            if accessFile != nil { throw ValidationError("--access-file is only used with --ssh") }
            return
        }
        if scope != nil {
            throw ValidationError("--scope cannot be combined with --ssh: the access file decides what the account sees")
        }
        if exportDirectory != nil {
            throw ValidationError("--export-dir cannot be combined with --ssh: the access file decides where exports go")
        }
    }

    /// In SSH mode, the grant for the account running this process; nil outside SSH mode.
    /// Throws a one-line `CLIError` when the account has no entry or the access file is unusable or unsafe.
    func resolveGrant() throws -> AccessGrant? {
        guard ssh else { return nil }
        let path = accessFile ?? AccessPolicy.defaultPath
        let account = try SystemAccount.current()
        if account.uid != 0 && access(path, W_OK) == 0 {
            throw CLIError("access file \(path) is writable by account \"\(account.name)\"; it must be writable only by administrators")
        }
        return try Self.grant(for: account, accessFile: path)
    }

    /// The grant the access file at `path` gives `account`, the file held to sshd's StrictModes rule first.
    static func grant(for account: SystemAccount, accessFile path: String) throws -> AccessGrant {
        try AccessFileSafety.check(path: path)
        do {
            return try AccessPolicy.load(path: path).grant(user: account.name, groups: account.groups)
        } catch let error as AccessPolicyError {
            throw CLIError(error.description)
        }
    }
}
