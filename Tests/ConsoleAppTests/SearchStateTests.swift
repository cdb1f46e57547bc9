@testable import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import Testing

/// `/` searches the whole scope and `:` completes, from the search index, as the user types.
@Suite("Search and completion")
struct SearchStateTests {
    func loaded() -> AppState {
        var state = AppState(language: .vi, size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        _ = state.requestLoad()
        let effects = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.provinceReport()))
        #expect(effects == [.loadSearchIndex], "the first report asks for the search index")
        _ = state.update(.searchIndexLoaded(ReportFixtures.searchIndex()))
        return state
    }

    func type(_ text: String, into state: inout AppState) {
        for c in text { _ = state.update(.key(.character(c))) }
    }

    @Test func slashFindsASchoolOfAnotherCommuneAndEnterGoesThere() {
        var state = loaded()
        _ = state.update(.key(.character("/")))
        type("thcs nguyen", into: &state)
        #expect(state.searchHits.map(\.node.code) == ["HD-THCS-0001"])
        let effects = state.update(.key(.enter))
        #expect(state.current.node?.code == "HD-THCS-0001")
        #expect(state.prompt == nil && state.filterText.isEmpty)
        #expect(effects.contains { if case .load(let node, _) = $0 { return node?.code == "HD-THCS-0001" } else { return false } })
    }

    @Test func tabKeepsTheSearchAsTheTableFilterAndItComesBackAfterDrilling() {
        var state = loaded()
        _ = state.update(.key(.character("/")))
        type("xa", into: &state)
        _ = state.update(.key(.tab))
        #expect(state.prompt == nil && state.filterText == "xa")
        #expect(state.table.rows.map(\.node.name) == ["Xã Đắk Lắk", "Xã Thanh Hà"])
        _ = state.update(.key(.down))
        _ = state.update(.key(.enter))
        #expect(state.current.node?.code == "10507" && state.filterText.isEmpty)
        _ = state.update(.key(.escape))
        #expect(state.filterText == "xa", "the filter is restored on the way back")
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, ReportFixtures.provinceReport()))
        #expect(state.current.selectedRow == 1, "and the selection too")
    }

    @Test func colonOffersCompletionsAndTabFillsTheCode() {
        var state = loaded()
        _ = state.update(.key(.character(":")))
        type("school le l", into: &state)
        #expect(state.searchHits.map(\.node.code) == ["HD-TH-0002"])
        _ = state.update(.key(.tab))
        #expect(state.promptText == "school HD-TH-0002")
        _ = state.update(.key(.enter))
        #expect(state.current.node?.code == "HD-TH-0002")
    }

    @Test func unknownNamesAreSaidInTheUILanguage() {
        var state = loaded()
        _ = state.update(.noSuchNode("nguyen trai"))
        #expect(state.message == "nguyen trai: không có đơn vị, trường hay lớp nào như vậy")
        _ = state.update(.key(.character("t")))
        #expect(state.message?.hasPrefix("Giao diện: ") == true, "t names the theme")
    }

    @Test func alertsAreSortedBySeverityThenDuration() {
        let state = loaded()
        let alerts = state.sortedAlerts
        #expect(alerts.map(\.severity) == [.critical, .critical, .critical, .warning, .warning])
        #expect(alerts.first?.value == 135, "the longest outage first")
    }

    @Test func theHeaderAgeTurnsStalePastTheLimit() {
        var state = loaded()
        state.staleAfterMinutes = 5
        _ = state.update(.tick(ReportFixtures.asOf.addingTimeInterval(4 * 60)))
        #expect(state.staleness == nil)
        _ = state.update(.tick(ReportFixtures.asOf.addingTimeInterval(7 * 60)))
        #expect(state.staleness == .warning)
        _ = state.update(.tick(ReportFixtures.asOf.addingTimeInterval(11 * 60)))
        #expect(state.staleness == .critical)
    }

    @Test func quickRefreshesShowNoLoadingNote() {
        var state = loaded()
        _ = state.update(.snapshotChanged)
        #expect(state.loading && !state.showsLoading, "no note for a load younger than a second")
        _ = state.update(.tick(state.now.addingTimeInterval(2)))
        #expect(state.showsLoading)
    }

    @Test func smallScreensKeepTheNameAndDropNumbersFirst() {
        let narrow = ChildColumn.columns(for: .unit, width: 60, language: .vi)
        #expect(narrow.first == .name && narrow.contains(.rate) && narrow.contains(.network))
        #expect(!narrow.contains(.learnersPerComputer) && !narrow.contains(.schools))
        #expect(ChildColumn.columns(for: .unit, width: 200, language: .vi).contains(.code))
        #expect(DashboardLayout(size: Size(columns: 80, rows: 24)).visibleRows >= 8)
    }
}
