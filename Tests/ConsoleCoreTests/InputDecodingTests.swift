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
