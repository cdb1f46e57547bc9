import Analytics
import ConsoleCore

/// The check-in curve on the wall: today against the previous school day and the same weekday last week.
enum WallCheckIn {
    /// "vs hôm qua ▲ +1,2 điểm · vs tuần trước ▼ -0,3 điểm" for the rate tile; nil without a curve.
    static func headline(_ state: AppState, _ context: ScreenContext) -> [Span]? {
        nil
    }
}
