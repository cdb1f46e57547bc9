import Testing
@testable import ConsoleCore

@Suite struct DisplayWidthTests {
    @Test func ascii() { #expect(DisplayWidth.of("Hello, world") == 12) }

    @Test func vietnamesePrecomposedIsOneColumnEach() {
        #expect(DisplayWidth.of("Nguyễn Trãi") == 11)
        #expect(DisplayWidth.of("Đắk Lắk") == 7)
        #expect(DisplayWidth.of("ặẫệộữỹ") == 6)
    }

    @Test func vietnameseDecomposedMeasuresTheSame() {
        let nfd = "Nguye\u{0302}\u{0303}n Tra\u{0303}i"
        #expect(DisplayWidth.of(nfd) == 11)
        #expect(DisplayWidth.of("e\u{0323}\u{0302}") == 1)
    }

    @Test func eastAsianWide() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // half-width katakana are narrow
        #expect(DisplayWidth.of("ＡＢ") == 4)  // full-width Latin
    }

    @Test func emoji() {
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧") == 2)
        #expect(DisplayWidth.of("🇻🇳") == 2)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of("❤") == 1)
    }

    @Test func zeroWidth() {
        #expect(DisplayWidth.of("\u{0301}") == 0)
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func boxAndStatusGlyphsAreNarrow() {
        #expect(DisplayWidth.of("─│┌┐└┘●◐✕▁█▲▼…") == 14)
    }
}
