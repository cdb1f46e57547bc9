import Foundation
import ProcessSupport

/// The access file held to the rule sshd's StrictModes applies to its own files (issue 14): whoever could change
/// the file could give an account the whole province, so the file must be a regular file owned by root and not
/// writable by group or others, and so must every directory above it (a root-owned directory with the sticky bit,
/// like /tmp, is accepted: no one else can rename or remove what root put there).
enum AccessFileSafety {
    /// Throws a one-line `CLIError` naming the file or directory and what is wrong; returns quietly when the
    /// file does not exist (loading it then says so).
    static func check(path: String) throws {
        guard let resolvedPointer = realpath(path, nil) else { return }
        let resolved = String(cString: resolvedPointer)
        free(resolvedPointer)
        var info = stat()
        guard stat(resolved, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CLIError("access file \(path) is not a regular file")
        }
        guard info.st_uid == 0 else {
            throw CLIError("access file \(path) must be owned by root (it is owned by uid \(info.st_uid))")
        }
        guard info.st_mode & 0o022 == 0 else {
            throw CLIError("access file \(path) is writable by group or others; it must be writable only by root (chmod 644)")
        }
        var directory = URL(fileURLWithPath: resolved).deletingLastPathComponent().path
        while true {
            guard stat(directory, &info) == 0 else {
                throw CLIError("access file \(path): cannot check the directory \(directory) above it")
            }
            guard info.st_uid == 0 else {
                throw CLIError("access file \(path): the directory \(directory) above it must be owned by root")
            }
            let sticky = info.st_mode & S_ISVTX != 0
            guard info.st_mode & 0o022 == 0 || sticky else {
                throw CLIError("access file \(path): the directory \(directory) above it is writable by group or others")
            }
            if directory == "/" { break }
            directory = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        }
    }
}
