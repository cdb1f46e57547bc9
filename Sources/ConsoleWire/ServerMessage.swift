import ReportModel
import Foundation

/// What the server sends a console: the answer to its hello, answers to its requests (same id), and pushes.
public enum ServerMessage: Codable, Sendable, Equatable {
    /// The hello was accepted: who the kernel says the console runs as and what the access file gives them.
    case welcome(WireWelcome)
    /// The connection is refused (no access entry, wrong version, too many sessions…); the reason is one line.
    case refused(reason: String)
    /// A report: the next frame is the `NodeReport`'s JSON, encoded once per (node, scope, generation) by the
    /// server and sent as it is to every console that asks (encoding per console cost more than the computation).
    case reportFollows(id: Int)
    /// A resolved jump.
    case resolved(id: Int, NodeRef)
    /// The data-quality list.
    case dataQuality(id: Int, DataQualityReport)
    /// The search index: the next frame is its `WireSearchIndex` JSON, encoded once per (scope, generation);
    /// `digest` (`WireDigest`) names its content, for the console's next request.
    case searchIndexFollows(id: Int, digest: String)
    /// The search index is still the one the console named (`known`): nothing follows.
    case searchIndexUnchanged(id: Int)
    /// The check-in curve.
    case checkInCurve(id: Int, CheckInCurve)
    /// A request that failed; the console shows it like the in-process source's error.
    case failure(id: Int, WireError)
    /// Push: the snapshot changed (problem = nil) or became unusable (problem = the reason), or the account's
    /// scope changed (the new label); the console reloads. Only the latest state is ever pending, never a backlog.
    case changed(generation: Int, problem: String?, scopeLabel: String?)
    /// Push: the session ends (access revoked, server stopping); the reason is one line for the official.
    case ended(reason: String)
}
