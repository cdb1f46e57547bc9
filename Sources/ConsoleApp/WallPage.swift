/// The pages the operations-centre wall rotates through, in order.
public enum WallPage: Int, Sendable, Hashable, CaseIterable {
    /// The province (or scope root) overview: the four families and the check-in curve.
    case overview
    /// The children (communes, or schools / classes below them) ranked worst attendance first.
    case ranking
    /// The schools that have not reported yet, least complete first.
    case notReported
    /// The offline schools, longest outage first, with since-when.
    case offline
    /// The alerts, critical first; new ones marked, resolved ones listed briefly.
    case alerts

    /// The page `steps` after this one, wrapping around.
    public func advanced(by steps: Int) -> WallPage {
        let count = Self.allCases.count
        return WallPage(rawValue: ((rawValue + steps) % count + count) % count) ?? .overview
    }
}
