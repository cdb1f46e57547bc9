import ReportModel
import Foundation

/// What a console sends the server. Every request carries an id that its answer repeats.
public enum ClientMessage: Codable, Sendable, Equatable {
    /// The first message: the protocol version the console speaks.
    case hello(version: Int)
    /// The report of a node (nil = the root of the account's scope).
    case report(id: Int, node: NodeRef?)
    /// Resolve a `:` jump inside the account's scope.
    case resolve(id: Int, target: WireJump)
    /// The data-quality list of the account's scope.
    case dataQuality(id: Int)
    /// The search index of the account's scope, unless it is still the one with digest `known` (the console's).
    case searchIndex(id: Int, known: String?)
    /// The wall's check-in curve of a node (nil = the root of the account's scope).
    case checkInCurve(id: Int, node: NodeRef?)
}
