import Testing
@testable import ConsoleCore

@Suite struct AsciiFallbackTests {
    @Test func asciiFallback() {
        #expect(AsciiFallback.text(for: "ễ") == "e")
        #expect(AsciiFallback.text(for: "Đ") == "D")
        #expect(AsciiFallback.text(for: "中") == "??")
        #expect(AsciiFallback.text(for: "a") == "a")
    }
}
