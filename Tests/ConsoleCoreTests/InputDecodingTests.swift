import Testing
@testable import ConsoleCore

@Suite struct InputDecodingTests {
    @Test func controlKeys() {
        #expect(InputDecoding.character(13) == .key(.enter))
        #expect(InputDecoding.character(10) == .key(.enter))
        #expect(InputDecoding.character(127) == .key(.backspace))
        #expect(InputDecoding.character(8) == .key(.backspace))
        #expect(InputDecoding.character(9) == .key(.tab))
        #expect(InputDecoding.character(27) == .key(.escape))
        #expect(InputDecoding.character(1) == .key(.control("a")))
        #expect(InputDecoding.character(18) == .key(.control("r")))
        #expect(InputDecoding.character(0) == nil)
        #expect(InputDecoding.character(0x9B) == nil)
        #expect(InputDecoding.character(0x202E) == nil)
    }

    @Test func characters() {
        #expect(InputDecoding.character(UInt32(UInt8(ascii: "q"))) == .key(.character("q")))
        #expect(InputDecoding.character(0x0111) == .key(.character("đ")))
        #expect(InputDecoding.character(0x1EC5) == .key(.character("ễ")))
    }
}

@Suite struct EscapeSequenceTests {
    @Test func commonSequencesFromMismatchedTerminals() {
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "1~") == .home)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "4~") == .end)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "5~") == .pageUp)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "6~") == .pageDown)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "3~") == .delete)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "A") == .up)
        #expect(InputDecoding.escapeSequence(introducer: "O", body: "B") == .down)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "1;5C") == .right)
        #expect(InputDecoding.escapeSequence(introducer: "O", body: "H") == .home)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "F") == .end)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "Z") == .backTab)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "15~") == .function(5))
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "24~") == .function(12))
        #expect(InputDecoding.escapeSequence(introducer: "O", body: "P") == .function(1))
    }

    @Test func unknownSequencesAreIgnored() {
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "<0;10;10M") == nil)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "99~") == nil)
        #expect(InputDecoding.escapeSequence(introducer: "[", body: "") == nil)
        #expect(InputDecoding.isFinalByte(0x7E))
        #expect(!InputDecoding.isFinalByte(0x3B))
    }
}
