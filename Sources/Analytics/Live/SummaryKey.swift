import SectorData

/// What every cache's content belongs to: the snapshot (by lineage when it carries change tokens, else by file
/// identity) and the students' version. A different key empties the caches.
///
/// By lineage (and the attendance-deletion token), later publications of the same database keep the summaries;
/// by file identity, a publish-by-rename starts afresh. The students' version (their change token, or
/// `StudentFacts.fingerprint` without tokens) is part of it: which rows count depends on the students' schools
/// and enrolment dates.
struct SummaryKey: Hashable, Sendable {
    /// Whose snapshot the summaries are.
    enum Origin: Hashable, Sendable {
        /// The database named by its lineage token, with its `attendance_deletions` token.
        case lineage(LineageKey)
        /// A file without change tokens: its path, device and inode.
        case fileIdentity(String)
    }

    let origin: Origin
    let studentsVersion: Int64

    /// The key for a snapshot: by lineage when its tokens name one, else by `identity`.
    init(identity: String, tokens: ChangeTokens?, studentsVersion: Int64) {
        if let tokens, let lineage = tokens.lineageToken, let deletions = tokens.attendanceDeletionsToken {
            origin = .lineage(LineageKey(lineage: lineage, deletions: deletions))
        } else {
            origin = .fileIdentity(identity)
        }
        self.studentsVersion = studentsVersion
    }

    init(origin: Origin, studentsVersion: Int64) {
        self.origin = origin
        self.studentsVersion = studentsVersion
    }

    /// Whether it names a lineage (only those are worth a warm-start file: a later process cannot check a file
    /// identity).
    var isLineage: Bool {
        if case .lineage = origin { return true }
        return false
    }

    private static let lineagePrefix = "lineage:"

    /// The form the warm-start file holds: `lineage:L:D:S`, or `identity|S`.
    var encoded: String {
        switch origin {
        case .lineage(let key): "\(Self.lineagePrefix)\(key.lineage):\(key.deletions):\(studentsVersion)"
        case .fileIdentity(let identity): "\(identity)|\(studentsVersion)"
        }
    }

    /// Reads `encoded`'s form; nil when it is not one.
    init?(encoded text: String) {
        if text.hasPrefix(Self.lineagePrefix) {
            let parts = text.dropFirst(Self.lineagePrefix.count).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, let lineage = Int64(parts[0]), let deletions = Int64(parts[1]),
                  let students = Int64(parts[2]) else { return nil }
            self.init(origin: .lineage(LineageKey(lineage: lineage, deletions: deletions)), studentsVersion: students)
        } else {
            guard let bar = text.lastIndex(of: "|"), let students = Int64(text[text.index(after: bar)...]) else {
                return nil
            }
            self.init(origin: .fileIdentity(String(text[..<bar])), studentsVersion: students)
        }
    }
}

/// A database across copies and publications: its `lineage` token and its `attendance_deletions` token (a
/// deletion drops every attendance summary).
struct LineageKey: Hashable, Sendable {
    let lineage: Int64
    let deletions: Int64
}
