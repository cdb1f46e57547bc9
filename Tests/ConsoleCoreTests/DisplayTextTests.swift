import Testing
@testable import ConsoleCore

@Suite struct DisplayTextTests {
    @Test func noTruncationWhenFits() {
        #expect(DisplayText.truncate("Nguyễn Trãi", to: 11) == "Nguyễn Trãi")
    }

    @Test func truncatesWithEllipsis() {
        let t = DisplayText.truncate("Trường THCS Nguyễn Trãi", to: 10)
        #expect(t == "Trường TH…")
        #expect(DisplayWidth.of(t) == 10)
    }

    @Test func truncationNeverSplitsDecomposedClusters() {
        let nfd = "Nguye\u{0302}\u{0303}n"
        let t = DisplayText.truncate(nfd, to: 5)
        #expect(t == "Nguy…")
        let t2 = DisplayText.truncate(nfd + "xyz", to: 6)
        #expect(t2 == "Nguye\u{0302}\u{0303}…")
    }

    @Test func wideCharacterThatDoesNotFitIsPadded() {
        let t = DisplayText.truncate("ab中文", to: 4)
        #expect(t == "ab…")
        let f = DisplayText.fit("中文字", width: 4)
        #expect(f == "中… ")
        #expect(DisplayWidth.of(f) == 4)
        #expect(DisplayText.fit("中文", width: 3, ellipsis: "") == "中 ")
    }

    @Test func padding() {
        #expect(DisplayText.pad("Huế", to: 6) == "Huế   ")
        #expect(DisplayText.pad("Huế", to: 6, alignment: .right) == "   Huế")
        #expect(DisplayText.pad("Huế", to: 6, alignment: .center) == " Huế  ")
        #expect(DisplayText.fit("12", width: 5, alignment: .right) == "   12")
    }

    @Test func tinyWidths() {
        #expect(DisplayText.fit("abc", width: 0) == "")
        #expect(DisplayText.fit("abc", width: 1) == "…")
        #expect(DisplayText.truncate("abc", to: 1, ellipsis: "...") == "a")
    }
}
