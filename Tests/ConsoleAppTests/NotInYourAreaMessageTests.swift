import ConsoleApp
import ConsoleCore
import Foundation
import Testing

/// "Not in your area" is worded in the UI language, naming only what was asked for.
@Suite struct NotInYourAreaMessageTests {
    @Test func messageFollowsTheLanguage() {
        var state = AppState(size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        _ = state.update(.notInYourArea("HD-TH-0999"))
        #expect(state.message == "HD-TH-0999: không thuộc phạm vi của bạn")
        state.language = .en
        _ = state.update(.notInYourArea("HD-TH-0999"))
        #expect(state.message == "HD-TH-0999: not in your area")
        #expect(!state.loading)
    }
}
