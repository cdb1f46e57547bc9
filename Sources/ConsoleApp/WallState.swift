import Foundation

/// The wall mode's own state: the page on screen and the rotation timer.
public struct WallState: Sendable, Hashable {
    /// The page on screen.
    public var page: WallPage
    /// Seconds each page stays before the next one; nil = no rotation (pages change only by key).
    public var rotateSeconds: Int?
    /// Rotation paused by the user (Space).
    public var rotationPaused: Bool
    /// When the page on screen was shown (rotation counts from here).
    public var pageShownAt: Date

    /// Starts on the overview at `now`.
    public init(rotateSeconds: Int? = nil, now: Date, page: WallPage = .overview) {
        self.page = page
        self.rotateSeconds = rotateSeconds.flatMap { $0 > 0 ? $0 : nil }
        self.rotationPaused = false
        self.pageShownAt = now
    }

    /// The longest rotation interval accepted (an hour).
    public static let maximumRotateSeconds = 3600

    /// `--rotate`'s value in whole seconds: "20", "20s" or "2m"; 0 = no rotation; nil when it is none of these or
    /// longer than ``maximumRotateSeconds``.
    public static func rotateSeconds(parsing argument: String) -> Int? {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        var digits = Substring(text), factor = 1
        if text.hasSuffix("s") {
            digits = text.dropLast()
        } else if text.hasSuffix("m") {
            digits = text.dropLast()
            factor = 60
        }
        guard let value = Int(digits), value >= 0, value <= maximumRotateSeconds / factor else { return nil }
        return value * factor
    }

    /// Whether pages rotate now (a timer is set and not paused).
    public var rotates: Bool { rotateSeconds != nil && !rotationPaused }

    /// Shows the page `steps` away and restarts its timer.
    public mutating func step(_ steps: Int, now: Date) {
        page = page.advanced(by: steps)
        pageShownAt = now
    }

    /// Moves to the next page when the timer ran out at `now`; returns whether the page changed.
    public mutating func rotateIfDue(now: Date) -> Bool {
        guard rotates, let seconds = rotateSeconds, now.timeIntervalSince(pageShownAt) >= Double(seconds) else { return false }
        step(1, now: now)
        return true
    }
}
