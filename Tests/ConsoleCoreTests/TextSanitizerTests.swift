import Testing
@testable import ConsoleCore

@Suite struct TextSanitizerTests {
    @Test func dropsEscapeSequencesIntroducer() {
        let s = TextSanitizer.sanitize("abc\u{1B}[2Jdef")
        #expect(s == "abc[2Jdef")
        #expect(!s.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func dropsOSC8Hyperlink() {
        let hostile = "\u{1B}]8;;http://evil.example\u{07}Trường A\u{1B}]8;;\u{07}"
        let s = TextSanitizer.sanitize(hostile)
        #expect(!s.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(s.hasSuffix("Trường A]8;;"))
    }

    @Test func dropsC1AndDEL() {
        #expect(TextSanitizer.sanitize("a\u{9B}31mb\u{7F}c\u{85}") == "a31mbc")
    }

    @Test func tabsAndNewlinesBecomeSpaces() {
        #expect(TextSanitizer.sanitize("a\tb\nc\r\nd") == "a b c  d")
    }

    @Test func dropsBidiControls() {
        let s = TextSanitizer.sanitize("abc\u{202E}fed\u{202C}\u{200E}\u{200F}\u{2066}x\u{2069}\u{061C}")
        #expect(s == "abcfedx")
    }

    @Test func dropsInvisibleFormatCharacters() {
        #expect(TextSanitizer.sanitize("a\u{200B}b\u{FEFF}c\u{00AD}d\u{2060}e\u{E0041}") == "abcde")
    }

    @Test func keepsEmojiJoiner() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TextSanitizer.sanitize(family) == family)
    }

    @Test func normalisesToNFC() {
        let nfd = "Nguye\u{0302}\u{0303}n"  // Nguyễn decomposed
        let s = TextSanitizer.sanitize(nfd)
        #expect(s.unicodeScalars.count == 6)
        #expect(s == "Nguyễn")
        #expect(Array(s.unicodeScalars) == Array("Nguy\u{1EC5}n".unicodeScalars))
    }

    @Test func mixedNFDFromBrief() {
        #expect(TextSanitizer.sanitize("Nguyê\u{0303}n") == "Nguy\u{1EC5}n")
    }

    @Test func capsStackedMarksAndDropsOrphanMarks() {
        let zalgo = "a" + String(repeating: "\u{0301}", count: 20)
        let s = TextSanitizer.sanitize(zalgo)
        #expect(s.unicodeScalars.count <= 1 + TextSanitizer.maxCombiningMarks)
        #expect(TextSanitizer.sanitize("\u{0301}abc") == "abc")
    }

    @Test func replacesNonCharacters() {
        #expect(TextSanitizer.sanitize("a\u{FFFF}b") == "a\u{FFFD}b")
    }

    @Test func plainVietnameseIsUntouched() {
        let name = "Trường THCS Nguyễn Trãi, xã Đắk Lắk"
        #expect(TextSanitizer.sanitize(name) == name)
        #expect(TextSanitizer.isClean(name))
    }
}
